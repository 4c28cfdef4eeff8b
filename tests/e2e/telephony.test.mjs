// Real SIP on loopback: sipp callers and headless baresip agent phones against `hotline serve
// --sip`, all started here (docs/telephony.md). What a caller hears is received on a UDP socket
// of this test (the caller's SDP points there), so packets and their spacing are counted.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, api, bin, login, root, startServer, tempDir } from './harness.mjs';

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const skip = !have('sipp') || !have('baresip') || !have('espeak-ng') || !have('sox')
  ? 'sipp, baresip, espeak-ng and sox are needed (make deps installs them)' : false;

// Fixed ports below Linux's ephemeral range (32768 and up, where any socket's port may land)
// and apart from Hotline's RTP range, which the test moves to 10000-30000 (--rtp-ports).
const SIP_PORT = 30000 + (process.pid % 12) * 200;  // a block of 200 ports per run
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A caller's scenario: INVITE offering PCMA, PCMU and telephone-events with our own RTP port,
// then a key (RFC 2833 from sipp's pcaps, or SIP INFO), audio, and a hang-up by either side.
function scenario({ rtpPort, key, how = 'rfc2833', before = 7000, talk = 3000, end = 'caller', pcap: tones }) {
  const from = '"13812345678" <sip:13812345678@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]';
  const to = '<sip:[service]@[remote_ip]:[remote_port]>';
  const head = (method, cseq) => `
      ${method} sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: ${from}
      To: ${to}${method === 'INVITE' ? '' : '[peer_tag_param]'}
      Call-ID: [call_id]
      CSeq: ${cseq} ${method}
      Contact: sip:13812345678@[local_ip]:[local_port]
      Max-Forwards: 70`;
  // The answer to the request just received.
  const reply = (status) => `<send><![CDATA[
      SIP/2.0 ${status}
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]></send>`;
  const pcap = key === '#' ? 'pound' : key === '*' ? 'star' : key;
  let dtmf = '';
  if (key && how === 'inband') {
    dtmf = `<nop><action><exec play_pcap_audio="${tones}"/></action></nop><pause milliseconds="800"/>`;
  } else if (key && how === 'rfc2833') {
    dtmf = `<nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_${pcap}.pcap"/></action></nop>`;
  } else if (key) {
    dtmf = `<send><![CDATA[${head('INFO', 2)}
      Content-Type: application/dtmf-relay
      Content-Length: [len]

      Signal=${key}
      Duration=160
    ]]></send>
    <recv response="200"/>`;
  }
  const bye = `<send retrans="500"><![CDATA[${head('BYE', 3)}
      Content-Length: 0
    ]]></send>
    <recv response="200" crlf="true"/>`;
  // A REFER from Hotline: accept it (202) and hang up, as a phone that calls the target would.
  const refer = `<recv request="REFER" timeout="20000"/>
    ${reply('202 Accepted')}
    ${bye}`;
  const finish = end === 'caller' ? bye : end === 'refer' ? refer
    : `<recv request="BYE" timeout="30000"/>
    ${reply('200 OK')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<scenario name="hotline caller">
  <send retrans="500"><![CDATA[${head('INVITE', 1)}
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 1 1 IN IP4 [local_ip]
      s=-
      c=IN IP4 [media_ip]
      t=0 0
      ${how === 'inband' ? `m=audio ${rtpPort} RTP/AVP 0
      a=rtpmap:0 PCMU/8000` : `m=audio ${rtpPort} RTP/AVP 8 0 101
      a=rtpmap:8 PCMA/8000
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-15`}
    ]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rtd="true"/>
  <send><![CDATA[${head('ACK', 1)}
      Content-Length: 0
    ]]></send>
  <pause milliseconds="${before}"/>
  ${dtmf}
  ${end === 'refer' ? '' : `<pause milliseconds="600"/>
  ${how === 'inband' ? '' : '<nop><action><exec play_pcap_audio="/usr/share/sip-tester/g711a.pcap"/></action></nop>'}
  <pause milliseconds="${talk}"/>`}
  ${finish}
</scenario>`;
}

// G.711 µ-law of one 16-bit sample (ITU-T G.711, as spandsp does it).
function ulaw(sample) {
  const BIAS = 0x84;
  let s = Math.max(-32635, Math.min(32635, sample));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

// A pcap of RTP packets (PCMU, 20 ms each) carrying a DTMF key as tones in the audio: silence,
// 120 ms of the key's two frequencies, silence. sipp plays it like its own pcaps.
function dtmfTonePcap(file, key) {
  const pairs = { 1: [697, 1209], 2: [697, 1336], 3: [697, 1477], 0: [941, 1336] };
  const [lo, hi] = pairs[key];
  const samples = [];
  for (let i = 0; i < 1600; i++) samples.push(0);
  for (let i = 0; i < 960; i++) {
    samples.push(Math.round(7000 * Math.sin(2 * Math.PI * lo * i / 8000) + 7000 * Math.sin(2 * Math.PI * hi * i / 8000)));
  }
  for (let i = 0; i < 1600; i++) samples.push(0);
  const chunks = [];
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0); header.writeUInt16LE(2, 4); header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16); header.writeUInt32LE(1, 20);  // Ethernet
  chunks.push(header);
  for (let p = 0; p * 160 < samples.length; p++) {
    const rtp = Buffer.alloc(12 + 160);
    rtp[0] = 0x80; rtp[1] = p === 0 ? 0x80 : 0x00;
    rtp.writeUInt16BE(p, 2); rtp.writeUInt32BE(p * 160, 4); rtp.writeUInt32BE(0x1234, 8);
    for (let i = 0; i < 160; i++) rtp[12 + i] = ulaw(samples[p * 160 + i] || 0);
    const udp = Buffer.alloc(8);
    udp.writeUInt16BE(4000, 0); udp.writeUInt16BE(4002, 2); udp.writeUInt16BE(8 + rtp.length, 4);
    const ip = Buffer.alloc(20);
    ip[0] = 0x45; ip.writeUInt16BE(20 + 8 + rtp.length, 2); ip[8] = 64; ip[9] = 17;
    ip.set([127, 0, 0, 1], 12); ip.set([127, 0, 0, 1], 16);
    const eth = Buffer.alloc(14); eth.writeUInt16BE(0x0800, 12);
    const frame = Buffer.concat([eth, ip, udp, rtp]);
    const rec = Buffer.alloc(16);
    const usec = p * 20000;
    rec.writeUInt32LE(Math.floor(usec / 1e6), 0); rec.writeUInt32LE(usec % 1e6, 4);
    rec.writeUInt32LE(frame.length, 8); rec.writeUInt32LE(frame.length, 12);
    chunks.push(rec, frame);
  }
  writeFileSync(file, Buffer.concat(chunks));
}

// Listens where the caller's SDP says; records every RTP packet's arrival and payload type.
async function rtpSink() {
  const sock = dgram.createSocket('udp4');
  const packets = [];
  sock.on('message', (msg) => packets.push({ at: performance.now(), pt: msg[1] & 0x7f, seq: msg.readUInt16BE(2), size: msg.length }));
  await new Promise((r) => sock.bind(0, '127.0.0.1', r));
  return { port: sock.address().port, packets, close: () => sock.close() };
}

let callNo = 0;
async function call(dir, opts) {
  const sink = await rtpSink();
  const file = path.join(dir, `caller-${++callNo}.xml`);
  writeFileSync(file, scenario({ ...opts, rtpPort: sink.port }));
  const args = ['-sf', file, `127.0.0.1:${SIP_PORT}`, '-s', opts.service || 'main', '-m', '1',
    '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(SIP_PORT + 3), '-mp', String(SIP_PORT + 70 + callNo * 4),
    '-nostdin', '-timeout', '40s', '-timeout_error'];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await new Promise((r) => child.on('exit', r));
  sink.close();
  return { code, out, packets: sink.packets };
}

// A headless agent phone: auto-answer (or not), sends a tone file, ctrl_tcp for commands.
async function phone(dir, { user, port, ctrl, answer = 'auto', register }) {
  const home = path.join(dir, user);
  mkdirSync(home, { recursive: true });
  const wav = path.join(home, 'agent.wav');
  spawnSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', wav, 'synth', '30', 'sine', '440', 'gain', '-6']);
  writeFileSync(path.join(home, 'config'), [
    'module_path /usr/lib/baresip/modules',
    `sip_listen 127.0.0.1:${port}`,
    'net_interface 127.0.0.1',
    `audio_source aufile,${wav}`,
    `audio_player aufile,${path.join(home, 'heard.wav')}`,
    `audio_alert aufile,${path.join(home, 'alert.wav')}`,
    'module g711.so', 'module aufile.so', 'module account.so', 'module ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${ctrl}`,
    `rtp_ports ${port + 30}-${port + 35}`, '',
  ].join('\n'));
  // A registering phone's address of record is at Hotline; a static one is its own address.
  writeFileSync(path.join(home, 'accounts'), register
    ? `<sip:${user}@127.0.0.1:${register.port}>;auth_pass=${register.password};regint=600;answermode=${answer};audio_codecs=PCMU,PCMA\n`
    : `<sip:${user}@127.0.0.1:${port}>;regint=0;answermode=${answer};audio_codecs=PCMU,PCMA\n`);
  const child = spawn('baresip', ['-f', home, '-v'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  for (let i = 0; i < 50 && !log.includes('baresip is ready'); i++) await sleep(100);
  assert.ok(log.includes('baresip is ready'), `baresip ${user} did not start:\n${log}`);
  return {
    get log() { return log; },
    // ctrl_tcp: netstring-framed JSON commands.
    async command(cmd) {
      const net = await import('node:net');
      const s = net.createConnection(ctrl, '127.0.0.1');
      await new Promise((r) => s.once('connect', r));
      const body = JSON.stringify({ command: cmd, token: String(Date.now()) });
      s.write(`${Buffer.byteLength(body)}:${body},`);
      await sleep(300);
      s.destroy();
    },
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}

const centerYaml = (a01, a02) => readFileSync(path.join(root, 'tests/telephony/center.yaml'), 'utf8')
  .replace('127.0.0.1:15091', `127.0.0.1:${a01}`).replace('127.0.0.1:15092', `127.0.0.1:${a02}`);

// WAV (16-bit PCM) → per-channel RMS.
function channelRms(file) {
  const buf = readFileSync(file);
  const channels = buf.readUInt16LE(22);
  let off = 12;
  while (off < buf.length && buf.toString('ascii', off, off + 4) !== 'data') off += 8 + buf.readUInt32LE(off + 4);
  const start = off + 8;
  const sums = new Array(channels).fill(0);
  let n = 0;
  for (let i = start; i + 2 * channels <= buf.length; i += 2 * channels, n++) {
    for (let c = 0; c < channels; c++) sums[c] += buf.readInt16LE(i + 2 * c) ** 2;
  }
  return sums.map((s) => Math.sqrt(s / Math.max(1, n)));
}

describe('telephony over SIP', { skip }, () => {
  let dir, server, token, a01, a02, a03;
  const A01 = SIP_PORT + 10, A02 = SIP_PORT + 20, A03 = SIP_PORT + 30;

  before(async () => {
    dir = tempDir();
    const prompts = path.join(dir, 'prompts');
    const made = spawnSync(bin, ['prompts', '--out', prompts, '--texts', path.join(root, 'examples/prompts.yaml'),
      '--language', 'zh-CN'], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    writeFileSync(path.join(dir, 'center.yaml'), centerYaml(A01, A02));
    a01 = await phone(dir, { user: 'a01', port: A01, ctrl: A01 + 5 });
    a02 = await phone(dir, { user: 'a02', port: A02, ctrl: A02 + 5, answer: 'manual' });
    writeFileSync(path.join(dir, 'sip-users.yaml'), 'a03: "secret-a03"\n');
    // A self-signed certificate for SIP over TLS (on SIP_PORT + 1).
    const pem = path.join(dir, 'sip.pem');
    const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-keyout', pem, '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
    assert.equal(cert.status, 0, cert.stderr);
    writeFileSync(pem, readFileSync(pem, 'utf8') + readFileSync(path.join(dir, 'cert.pem'), 'utf8'));
    server = await startServer({
      dir,
      args: ['--center', path.join(dir, 'center.yaml'), '--sip', `127.0.0.1:${SIP_PORT}`, '--prompts', prompts,
        '--recordings', path.join(dir, 'recordings'), '--sip-users', path.join(dir, 'sip-users.yaml'),
        '--sip-tls', path.join(dir, 'sip.pem'), '--rtp-ports', '10000'],
    });
    token = await login(server, 'admin', ADMIN_PASSWORD);
    // a03's phone registers with Hotline (digest authentication) once the server is up.
    a03 = await phone(dir, { user: 'a03', port: A03, ctrl: A03 + 5, register: { port: SIP_PORT, password: 'secret-a03' } });
    for (let i = 0; i < 50 && !server.stderr.includes('a03 registered'); i++) await sleep(100);
  });

  after(async () => {
    await server?.stop();
    await a01?.stop();
    await a02?.stop();
    await a03?.stop();
    server?.cleanup();
  });

  const events = async (id) => {
    const r = await api(server, 'GET', `/api/v1/events?interaction=${id}&limit=200`, { token });
    return r.body.events;
  };
  const lastCallId = async () => {
    const r = await api(server, 'GET', '/api/v1/events?type=arrive&limit=200', { token });
    return r.body.events.at(-1).id;
  };
  const agent = async (id, what) => {
    const r = what === 'login'
      ? await api(server, 'POST', `/api/v1/agents/${id}/login`, { token, body: { ready: true } })
      : await api(server, 'POST', `/api/v1/agents/${id}/logout`, { token });
    assert.ok(r.status < 300, r.text);
  };

  test('a caller hears the prompt, presses 1 (RFC 2833), waits with music, talks to the agent and hangs up', async () => {
    await agent('a01', 'login');
    const c = await call(dir, { key: '1', talk: 4000 });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const id = await lastCallId();
    const ev = await events(id);
    const types = ev.map((e) => e.type);
    for (const t of ['arrive', 'ivr_enter', 'ivr_input', 'ivr_exit', 'enqueue', 'offer', 'answer', 'recording', 'hangup']) {
      assert.ok(types.includes(t), `${t} missing in ${types}`);
    }
    assert.equal(ev.find((e) => e.type === 'ivr_input').digits, '1');
    assert.equal(ev.find((e) => e.type === 'answer').agent, 'a01');
    const hangup = ev.find((e) => e.type === 'hangup');
    assert.equal(hangup.by, 'customer');
    assert.equal(hangup.stage, 'talk');
    // What the caller heard: G.711 A-law (its first choice), every 20 ms.
    const audio = c.packets.filter((p) => p.pt === 8);
    assert.ok(audio.length > 200, `only ${audio.length} packets`);
    const firstSecond = audio.slice(0, 100);
    const spacing = (firstSecond.at(-1).at - firstSecond[0].at) / (firstSecond.length - 1);
    assert.ok(spacing > 18 && spacing < 22, `mean spacing ${spacing} ms`);
    assert.ok(firstSecond.every((p) => p.size === 12 + 160));
    // Both ways through Hotline's bridge: the recording has the caller (left) and the agent
    // (right), neither silent.
    const rec = ev.find((e) => e.type === 'recording').file;
    await sleep(300);
    assert.ok(existsSync(rec), rec);
    const [caller, agentSide] = channelRms(rec);
    assert.ok(caller > 100, `caller channel rms ${caller}`);
    assert.ok(agentSide > 100, `agent channel rms ${agentSide}`);
    await sleep(2500);  // the wrap-up (2 s) ends
  });

  test('a key by SIP INFO chooses a branch: 2 says goodbye and Hotline hangs up', async () => {
    const c = await call(dir, { key: '2', how: 'info', talk: 100, end: 'hotline' });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const ev = await events(await lastCallId());
    assert.equal(ev.find((e) => e.type === 'ivr_input').digits, '2');
    assert.equal(ev.find((e) => e.type === 'ivr_exit').outcome, 'self_served');
  });

  test('a key as tones in the audio (no telephone-events offered) is heard too', async () => {
    const tones = path.join(dir, 'dtmf-2-inband.pcap');
    dtmfTonePcap(tones, 2);
    const c = await call(dir, { key: '2', how: 'inband', pcap: tones, talk: 100, end: 'hotline' });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const ev = await events(await lastCallId());
    assert.equal(ev.find((e) => e.type === 'ivr_input')?.digits, '2', ev.map((e) => e.type).join(' '));
    // PCMU was the only offer: what the caller heard is µ-law.
    assert.ok(c.packets.length > 100 && c.packets.every((p) => p.pt === 0));
  });

  test('the agent hanging up ends the caller\'s leg too', async () => {
    const pending = call(dir, { key: '1', talk: 20000, end: 'hotline' });
    await sleep(6000);
    await a01.command('hangup');
    const c = await pending;
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const ev = await events(await lastCallId());
    const hangup = ev.find((e) => e.type === 'hangup');
    assert.equal(hangup.by, 'agent');
    await sleep(2500);
  });

  test('ring-no-answer moves the call to the next agent', async () => {
    await agent('a01', 'logout');
    await agent('a02', 'login');  // its phone never answers
    await agent('a01', 'login');
    const c = await call(dir, { key: '1', talk: 9000 });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const ev = await events(await lastCallId());
    const fail = ev.find((e) => e.type === 'offer_fail');
    assert.ok(fail, ev.map((e) => e.type).join(' '));
    assert.equal(fail.agent, 'a02');
    assert.equal(fail.why, 'no_answer');
    assert.equal(ev.find((e) => e.type === 'answer').agent, 'a01');
    await sleep(2500);
  });

  test('a caller abandons while queued', async () => {
    await agent('a01', 'logout');
    await agent('a02', 'logout');
    const c = await call(dir, { key: '1', talk: 3000 });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const types = (await events(await lastCallId())).map((e) => e.type);
    assert.ok(types.includes('abandon'), types.join(' '));
    // Position announcements (every 5 s) were not due yet; the music was: packets kept coming.
    assert.ok(c.packets.length > 150);
  });

  test('a registered phone is rung at its contact; the recording pauses and resumes', async () => {
    assert.match(server.stderr, /a03 registered at sip:[^@\s]+@127\.0\.0\.1:\d+/);
    await agent('a03', 'login');
    const pending = call(dir, { key: '1', talk: 6000 });
    let id;
    for (let i = 0; i < 150 && !id; i++) {
      await sleep(100);
      const r = await api(server, 'GET', '/api/v1/events?type=answer&limit=200', { token });
      id = r.body.events.find((e) => e.agent === 'a03')?.id;
    }
    if (!id) {
      const all = await api(server, 'GET', '/api/v1/events?limit=400', { token });
      assert.fail(`a03 never answered:\n${all.body.events.slice(-30).map((e) => JSON.stringify(e)).join('\n')}\n--- server:\n${server.stderr}`);
    }
    await sleep(300);
    let r = await api(server, 'POST', `/api/v1/interactions/${id}/recording`, { token, body: { paused: true } });
    assert.equal(r.status, 200, r.text);
    await sleep(1000);
    r = await api(server, 'POST', `/api/v1/interactions/${id}/recording`, { token, body: { paused: false } });
    assert.equal(r.status, 200, r.text);
    r = await api(server, 'POST', `/api/v1/interactions/${id}/recording`, { token, body: { paused: 'yes' } });
    assert.equal(r.status, 400, r.text);
    const c = await pending;
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const actions = (await events(id)).filter((e) => e.type === 'recording').map((e) => e.action);
    assert.deepEqual(actions, ['start', 'pause', 'resume', 'stop']);
    await sleep(2500);  // the wrap-up (2 s) ends
    await agent('a03', 'logout');
  });

  test('SIP over TLS answers on the next port', async () => {
    const tls = await import('node:tls');
    const sock = tls.connect({ host: '127.0.0.1', port: SIP_PORT + 1, rejectUnauthorized: false });
    await new Promise((r, j) => { sock.once('secureConnect', r); sock.once('error', j); });
    let reply = '';
    sock.on('data', (d) => { reply += d; });
    sock.write([`OPTIONS sip:main@127.0.0.1:${SIP_PORT + 1};transport=tls SIP/2.0`,
      'Via: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK-tls-1', 'From: <sip:t@127.0.0.1>;tag=1',
      `To: <sip:main@127.0.0.1:${SIP_PORT + 1}>`, 'Call-ID: tls-1@test', 'CSeq: 1 OPTIONS', 'Max-Forwards: 70',
      'Content-Length: 0', '', ''].join('\r\n'));
    for (let i = 0; i < 30 && !reply.includes('\r\n\r\n'); i++) await sleep(100);
    sock.destroy();
    assert.match(reply, /^SIP\/2\.0 200 OK/);
    assert.match(reply, /Allow: INVITE/);
  });

  test('a transfer node refers the caller to another number (REFER)', async () => {
    const c = await call(dir, { key: '3', how: 'info', talk: 100, end: 'refer' });
    assert.equal(c.code, 0, c.out + "\n--- server:\n" + server.stderr);
    const ev = await events(await lastCallId());
    assert.equal(ev.find((e) => e.type === 'ivr_exit')?.outcome, 'transferred');
    assert.equal(ev.find((e) => e.type === 'hangup')?.by, 'system');
  });

  test('SIP over TCP answers too', async () => {
    const net = await import('node:net');
    const sock = net.createConnection(SIP_PORT, '127.0.0.1');
    await new Promise((r, j) => { sock.once('connect', r); sock.once('error', j); });
    let reply = '';
    sock.on('data', (d) => { reply += d; });
    sock.write([`OPTIONS sip:main@127.0.0.1:${SIP_PORT};transport=tcp SIP/2.0`,
      'Via: SIP/2.0/TCP 127.0.0.1:5998;branch=z9hG4bK-tcp-1', 'From: <sip:t@127.0.0.1>;tag=1',
      `To: <sip:main@127.0.0.1:${SIP_PORT}>`, 'Call-ID: tcp-1@test', 'CSeq: 1 OPTIONS', 'Max-Forwards: 70',
      'Content-Length: 0', '', ''].join('\r\n'));
    for (let i = 0; i < 30 && !reply.includes('\r\n\r\n'); i++) await sleep(100);
    sock.destroy();
    assert.match(reply, /^SIP\/2\.0 200 OK/);
  });

  test('malformed and unknown SIP gets an answer, never a crash', async () => {
    const sock = dgram.createSocket('udp4');
    await new Promise((r) => sock.bind(0, '127.0.0.1', r));
    const replies = [];
    sock.on('message', (m) => replies.push(m.toString()));
    const port = sock.address().port;
    const req = (method) => [
      `${method} sip:main@127.0.0.1:${SIP_PORT} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bK-${method}-${Date.now()}`,
      'From: <sip:x@127.0.0.1>;tag=1', `To: <sip:main@127.0.0.1:${SIP_PORT}>`,
      `Call-ID: ${method}-${Date.now()}@test`, `CSeq: 1 ${method}`, 'Max-Forwards: 70', 'Content-Length: 0', '', ''].join('\r\n');
    const send = (text) => new Promise((r) => sock.send(Buffer.from(text), SIP_PORT, '127.0.0.1', r));
    await send('\x00\xff garbage that is not SIP at all\r\n\r\n');
    await send('INVITE sip:main SIP/2.0\r\nVia: broken\r\n' + 'X-Long: ' + 'a'.repeat(60000) + '\r\n\r\n');
    await send(req('FOO'));
    await send(req('OPTIONS'));
    await send(req('INVITE'));  // no SDP offer
    await send(req('REGISTER'));  // no credentials: challenged
    await sleep(500);
    sock.close();
    assert.ok(replies.some((r) => r.startsWith('SIP/2.0 405')), replies.join('\n---\n'));
    assert.ok(replies.some((r) => r.startsWith('SIP/2.0 200') && r.includes('OPTIONS')), replies.join('\n---\n'));
    assert.ok(replies.some((r) => r.startsWith('SIP/2.0 488')), replies.join('\n---\n'));
    assert.ok(replies.some((r) => r.startsWith('SIP/2.0 401') && /WWW-Authenticate: Digest realm="hotline"/.test(r)),
      replies.join('\n---\n'));
    const health = await api(server, 'GET', '/healthz');
    assert.equal(health.status, 200);
  });
});
