// `hotline serve` as a user meets it: started on a free port, driven over HTTP and WebSocket.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, api, login, root, startServer, stream, until } from './harness.mjs';

const center = path.join(root, 'tests/e2e/center.yaml');
const PASSWORD = 'secret-pass-1';

// One user per role, scoped where the role has a scope.
const USERS = [
  { username: 'a1', role: 'agent', agent: 'a1' },
  { username: 'a2', role: 'agent', agent: 'a2' },
  { username: 'red_lead', role: 'team_leader', team: 'red' },
  { username: 'blue_lead', role: 'team_leader', team: 'blue' },
  { username: 'shift', role: 'shift_leader' },
  { username: 'sup', role: 'supervisor' },
  { username: 'mgr', role: 'manager' },
  { username: 'qa', role: 'qa' },
];

describe('hotline serve', () => {
  let server;
  const tokens = {};

  before(async () => {
    server = await startServer({ args: ['--center', center] });
    tokens.admin = await login(server, 'admin', ADMIN_PASSWORD);
    for (const u of USERS) {
      const r = await api(server, 'POST', '/api/v1/users', { token: tokens.admin, body: { ...u, password: PASSWORD } });
      assert.equal(r.status, 201, r.text);
      tokens[u.username] = await login(server, u.username, PASSWORD);
    }
  });
  after(async () => { await server.stop(); server.cleanup(); });

  test('logging in gives a token and an HttpOnly cookie; a wrong password and no token are refused', async () => {
    const bad = await api(server, 'POST', '/api/v1/auth/login', { body: { username: 'a1', password: 'nope-nope' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error.code, 'bad_credentials');
    const none = await api(server, 'GET', '/api/v1/me');
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'unauthenticated');

    const ok = await api(server, 'POST', '/api/v1/auth/login', { body: { username: 'a1', password: PASSWORD } });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('set-cookie'), /hotline_token=[0-9a-f]{64}; Path=\/; HttpOnly/);
    const me = await api(server, 'GET', '/api/v1/me', { headers: { cookie: `hotline_token=${ok.body.token}` } });
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'agent');
    assert.equal(me.body.agent, 'a1');
    assert.equal(me.body.role_label, '客服代表');

    const out = await api(server, 'POST', '/api/v1/auth/logout', { token: ok.body.token });
    assert.equal(out.status, 200);
    const after = await api(server, 'GET', '/api/v1/me', { token: ok.body.token });
    assert.equal(after.status, 401, 'a revoked token no longer works');
  });

  test('repeated failed logins lock the user name out for a while', async () => {
    const r0 = await api(server, 'POST', '/api/v1/users', {
      token: tokens.admin, body: { username: 'victim', role: 'qa', password: PASSWORD } });
    assert.equal(r0.status, 201);
    for (let i = 0; i < 5; i++) {
      const r = await api(server, 'POST', '/api/v1/auth/login', { body: { username: 'victim', password: 'wrong-' + i } });
      assert.equal(r.status, 401);
    }
    const locked = await api(server, 'POST', '/api/v1/auth/login', { body: { username: 'victim', password: PASSWORD } });
    assert.equal(locked.status, 429, 'even the right password waits');
    assert.ok(Number(locked.headers.get('retry-after')) >= 1);
    assert.match(locked.body.error.message, /too many failed logins/);
  });

  test('a contact is routed to a ready agent, answered, held, hung up and wrapped up; the stream and reports see it', async () => {
    const agentStream = await stream(server, tokens.a1);
    const supStream = await stream(server, tokens.sup);

    let r = await api(server, 'POST', '/api/v1/agents/a1/login', { token: tokens.a1, body: { ready: true } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.state, 'ready');

    r = await api(server, 'POST', '/api/v1/interactions', {
      token: tokens.admin, body: { id: 'call-1', channel: 'voice', from: '13812345678', to: '95555', queue: 'general' } });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.body.id, r.body.stage, r.body.agent], ['call-1', 'offered', 'a1']);

    // The agent's screen pop: the offer on its stream, the caller masked.
    const offer = await agentStream.waitFor((m) => m.type === 'event' && m.event.type === 'offer' && m.event.id === 'call-1');
    assert.equal(offer.event.agent, 'a1');
    const detail = await api(server, 'GET', '/api/v1/interactions/call-1', { token: tokens.a1 });
    assert.equal(detail.status, 200, detail.text);
    assert.equal(detail.body.contact.from, '138****5678');

    for (const verb of ['answer', 'hold', 'unhold', 'hangup']) {
      r = await api(server, 'POST', `/api/v1/interactions/call-1/${verb}`, { token: tokens.a1 });
      assert.equal(r.status, 200, `${verb}: ${r.text}`);
    }
    assert.equal(r.body.stage, 'ended');
    const state = await api(server, 'POST', '/api/v1/agents/a1/state', {
      token: tokens.a1, body: { state: 'not_ready', reason: 'break' } });
    assert.equal(state.body.state, 'wrapup', 'a break asked for during wrap-up waits for it');
    await agentStream.waitFor((m) => m.type === 'event' && m.event.type === 'hangup' && m.event.id === 'call-1');
    r = await api(server, 'POST', '/api/v1/interactions/call-1/wrapup', {
      token: tokens.a1, body: { disposition: 'resolved', notes: '客户咨询积分，已解答' } });
    assert.equal(r.status, 200, r.text);
    const wrap = await supStream.waitFor((m) => m.type === 'event' && m.event.type === 'wrapup_end' && m.event.id === 'call-1');
    assert.equal(wrap.event.disposition, 'resolved');
    assert.equal(wrap.event.notes, '客户咨询积分，已解答');
    await agentStream.waitFor((m) => m.type === 'event' && m.event.type === 'agent_state' && m.event.state === 'not_ready' && m.event.reason === 'break');

    // Every step is in the history, in order, with sequence numbers.
    const hist = await api(server, 'GET', '/api/v1/events?interaction=call-1', { token: tokens.sup });
    assert.deepEqual(hist.body.events.map((e) => e.type),
      ['arrive', 'enqueue', 'offer', 'answer', 'hold', 'unhold', 'hangup', 'wrapup_end']);
    assert.equal(hist.body.events[0].from, '138****5678', 'masked unless asked');

    // Reports over the same events.
    const rep = await api(server, 'GET', '/api/v1/reports?by=queue', { token: tokens.sup });
    assert.equal(rep.status, 200, rep.text);
    const general = rep.body.rows.find((row) => row.queue === 'general');
    assert.equal(general.offered, 1);
    assert.equal(general.answered, 1);
    assert.equal(general.service_level, 1);
    assert.ok(rep.body.total.hold_time_s >= 0);
    const csv = await api(server, 'GET', '/api/v1/reports?by=queue&format=csv', { token: tokens.sup });
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    assert.match(csv.text.split('\n')[0], /^queue,offered,answered/);

    // The realtime picture and the agent's own figures.
    const rt = await api(server, 'GET', '/api/v1/realtime', { token: tokens.sup });
    assert.equal(rt.body.queues.find((q) => q.id === 'general').today.answered, 1);
    const mine = await api(server, 'GET', '/api/v1/agents/a1/today', { token: tokens.a1 });
    assert.equal(mine.body.today.answered, 1);
    agentStream.close();
    supStream.close();
  });

  test('personal data is unmasked only for roles with the right, and every such read is audited', async () => {
    await api(server, 'POST', '/api/v1/interactions', {
      token: tokens.admin, body: { id: 'call-2', channel: 'voice', from: '13987654321', customer: '王小明' } });
    const masked = await api(server, 'GET', '/api/v1/interactions/call-2', { token: tokens.sup });
    assert.equal(masked.body.contact.from, '139****4321');
    assert.equal(masked.body.contact.customer, '王***');
    const refused = await api(server, 'GET', '/api/v1/interactions/call-2?unmask=true', { token: tokens.shift });
    assert.equal(refused.status, 403);
    const open = await api(server, 'GET', '/api/v1/interactions/call-2?unmask=true', { token: tokens.sup });
    assert.equal(open.body.contact.from, '13987654321');
    assert.equal(open.body.contact.customer, '王小明');
    const audit = await api(server, 'GET', '/api/v1/audit?action=read_personal_data', { token: tokens.mgr });
    const entry = audit.body.audit.find((a) => a.target === 'interaction call-2');
    assert.ok(entry, JSON.stringify(audit.body));
    assert.equal(entry.user, 'sup');
    const events = await api(server, 'GET', '/api/v1/events?type=arrive&unmask=true', { token: tokens.qa });
    assert.ok(events.body.events.some((e) => e.from === '13987654321'));
    await api(server, 'POST', '/api/v1/interactions/call-2/hangup', { token: tokens.admin });
  });

  test('a PBX without its own IVR: Hotline runs the flow step by step, then queues the call', async () => {
    let r = await api(server, 'POST', '/api/v1/interactions', {
      token: tokens.admin, body: { id: 'ivr-1', channel: 'voice', from: '13600000001', ivr: 'main' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.stage, 'ivr');
    assert.deepEqual([r.body.step.kind, r.body.step.prompt, r.body.step.duration_s], ['play', 'prompts/welcome', 3]);
    r = await api(server, 'POST', '/api/v1/interactions/ivr-1/ivr', { token: tokens.admin, body: { digits: '1' } });
    assert.equal(r.status, 400, 'digits while a prompt plays are refused');
    r = await api(server, 'POST', '/api/v1/interactions/ivr-1/ivr', { token: tokens.admin, body: { played: true } });
    assert.deepEqual([r.body.step.kind, r.body.step.node, r.body.step.max_digits], ['get_digits', 'menu', 1]);
    r = await api(server, 'POST', '/api/v1/interactions/ivr-1/ivr', { token: tokens.admin, body: { digits: '7' } });
    assert.equal(r.body.step.kind, 'get_digits', 'a wrong key asks again');
    r = await api(server, 'POST', '/api/v1/interactions/ivr-1/ivr', { token: tokens.admin, body: { digits: '2' } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.body.step.kind, r.body.step.queue, r.body.step.outcome], ['queue', 'cards', 'queued']);
    assert.ok(['queued', 'offered'].includes(r.body.stage));
    const hist = await api(server, 'GET', '/api/v1/events?interaction=ivr-1', { token: tokens.sup });
    assert.deepEqual(hist.body.events.map((e) => e.type).slice(0, 6),
      ['arrive', 'ivr_enter', 'ivr_input', 'ivr_input', 'ivr_exit', 'enqueue']);
    const bye = await api(server, 'POST', '/api/v1/interactions', {
      token: tokens.admin, body: { id: 'ivr-2', channel: 'voice', from: '13600000002', ivr: 'main' } });
    assert.equal(bye.status, 201);
    await api(server, 'POST', '/api/v1/interactions/ivr-2/ivr', { token: tokens.admin, body: { played: true } });
    r = await api(server, 'POST', '/api/v1/interactions/ivr-2/ivr', { token: tokens.admin, body: { digits: '9' } });
    assert.deepEqual([r.body.step.kind, r.body.stage], ['hangup', 'ended']);
    const none = await api(server, 'POST', '/api/v1/interactions', {
      token: tokens.admin, body: { channel: 'voice', from: '1', ivr: 'nosuch' } });
    assert.equal(none.status, 404);
    await api(server, 'POST', '/api/v1/interactions/ivr-1/hangup', { token: tokens.admin, body: { by: 'customer' } });
  });

  test('an agent changes only its own state; a team leader its team\'s', async () => {
    let r = await api(server, 'POST', '/api/v1/agents/a2/login', { token: tokens.a1, body: {} });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'forbidden');
    r = await api(server, 'POST', '/api/v1/agents/a2/login', { token: tokens.blue_lead, body: {} });
    assert.equal(r.status, 403, 'a2 is in team red');
    r = await api(server, 'POST', '/api/v1/agents/a2/login', { token: tokens.red_lead, body: { ready: false } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.state, 'not_ready');
    r = await api(server, 'POST', '/api/v1/agents/a2/state', { token: tokens.a2, body: { state: 'ready' } });
    assert.equal(r.body.state, 'ready');
    // A team leader's wallboard shows its team's agents only.
    const rt = await api(server, 'GET', '/api/v1/realtime', { token: tokens.blue_lead });
    assert.deepEqual(rt.body.agents.map((a) => a.id).sort(), ['b1', 'b2']);
  });

  test('malformed requests get 400 with a message and change nothing', async () => {
    const before = (await api(server, 'GET', '/healthz')).body.events;
    const cases = [
      ['POST', '/api/v1/interactions', '{"channel": "voice", '],
      ['POST', '/api/v1/interactions', '[]'],
      ['POST', '/api/v1/interactions', '{"channel":"fax","from":"1"}'],
      ['POST', '/api/v1/interactions', '{"channel":"voice","from":"1","queue":"nosuch"}'],
      ['POST', '/api/v1/interactions', '{"channel":"voice","from":"1","colour":"red"}'],
      ['POST', '/api/v1/interactions', '{"channel":"voice","from":"1","priority":1e300}'],
      ['POST', '/api/v1/agents/a1/state', '{"state":"sleeping"}'],
    ];
    for (const [method, route, raw] of cases) {
      const r = await api(server, method, route, { token: tokens.admin, raw, headers: { 'content-type': 'application/json' } });
      assert.ok(r.status === 400 || r.status === 404, `${raw}: ${r.status}`);
      assert.ok(r.body.error.message.length > 10, r.text);
    }
    const q = await api(server, 'GET', '/api/v1/events?limit=abc', { token: tokens.sup });
    assert.equal(q.status, 400);
    assert.match(q.body.error.message, /limit/);
    const q2 = await api(server, 'GET', '/api/v1/reports?by=weather', { token: tokens.sup });
    assert.equal(q2.status, 400);
    assert.match(q2.body.error.message, /^by 'weather'/);
    const q3 = await api(server, 'GET', '/api/v1/events?after=%zz', { token: tokens.sup });
    assert.equal(q3.status, 400);
    const after = (await api(server, 'GET', '/healthz')).body.events;
    assert.equal(after, before, 'no event was written');
  });

  test('configuration: entities are validated as check-config does, errors name the field, changes apply live', async () => {
    const bad = await api(server, 'POST', '/api/v1/config/queues', {
      token: tokens.admin, body: { id: 'vip', skills: { nosuch: 3 }, wrapup: '-5s' } });
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.body.error.code, 'invalid_config');
    const fields = bad.body.error.errors.map((e) => e.field);
    assert.ok(fields.some((f) => f.startsWith('queues[2].skills')), JSON.stringify(bad.body));
    assert.ok(fields.includes('queues[2].wrapup'));

    const ok = await api(server, 'POST', '/api/v1/config/queues', {
      token: tokens.admin, body: { id: 'vip', name: '贵宾', skills: { cards: 4 }, wrapup: '10s', priority: 5 } });
    assert.equal(ok.status, 201, ok.text);
    const rt = await api(server, 'GET', '/api/v1/realtime', { token: tokens.sup });
    assert.ok(rt.body.queues.some((q) => q.id === 'vip'), 'the running engine has the new queue');
    const one = await api(server, 'GET', '/api/v1/config/queues/vip', { token: tokens.sup });
    assert.equal(one.body.priority, 5);
    const yaml = await api(server, 'GET', '/api/v1/config', { token: tokens.sup });
    assert.match(yaml.text, /id: vip/);
    const agentWrite = await api(server, 'DELETE', '/api/v1/config/queues/vip', { token: tokens.a1 });
    assert.equal(agentWrite.status, 403);
    const del = await api(server, 'DELETE', '/api/v1/config/queues/vip', { token: tokens.mgr });
    assert.equal(del.status, 200, del.text);
    const badYaml = await api(server, 'PUT', '/api/v1/config', { token: tokens.admin, raw: 'center: [' });
    assert.equal(badYaml.status, 422);
    assert.ok(badYaml.body.error.errors[0].line >= 1);
  });

  test('every route in the OpenAPI document refuses no token and a wrong role', async () => {
    const doc = (await api(server, 'GET', '/api/v1/openapi.json')).body;
    assert.equal(doc.openapi, '3.0.3');
    const roleUser = { agent: 'a1', team_leader: 'red_lead', shift_leader: 'shift', supervisor: 'sup', manager: 'mgr', qa: 'qa', admin: 'admin' };
    let checked = 0;
    for (const [route, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const url = route.replace(/\{[^}]+\}/g, 'x');
        if (Array.isArray(op.security) && op.security.length === 0) continue;  // public: login, health, this document
        assert.ok(Array.isArray(op['x-roles']) && op['x-roles'].length > 0, `${method} ${route} declares its roles`);
        const body = method === 'get' ? undefined : '{}';
        const anon = await api(server, method.toUpperCase(), url, { raw: body, headers: { 'content-type': 'application/json' } });
        assert.equal(anon.status, 401, `${method} ${route} without a token`);
        const wrong = Object.keys(roleUser).find((r) => !op['x-roles'].includes(r));
        if (wrong) {
          const r = await api(server, method.toUpperCase(), url, { token: tokens[roleUser[wrong]], raw: body, headers: { 'content-type': 'application/json' } });
          assert.equal(r.status, 403, `${method} ${route} as ${wrong}`);
        }
        checked++;
      }
    }
    assert.ok(checked > 35, `${checked} routes checked`);
  });

  test('/metrics speaks Prometheus text to operators', async () => {
    const r = await api(server, 'GET', '/metrics', { token: tokens.sup });
    assert.equal(r.status, 200);
    assert.match(r.text, /^hotline_queue_waiting\{queue="general"\} \d+$/m);
    assert.match(r.text, /^hotline_agents\{state="ready"\} \d+$/m);
    assert.match(r.text, /hotline_http_request_duration_seconds_bucket\{route="POST \/api\/v1\/interactions",le="0.005"\}/);
    assert.equal((await api(server, 'GET', '/metrics', { token: tokens.a1 })).status, 403);
  });
});

describe('hotline serve --demo', () => {
  test('the demo center is alive within seconds, and a person can take a call beside the simulated agents', async () => {
    const server = await startServer({ args: ['--demo', '--speed', '20'] });
    try {
      assert.match(server.stderr, /demo users/);
      const sup = await login(server, 'supervisor', 'demo-pass-123');
      const busy = await until(async () => {
        const rt = (await api(server, 'GET', '/api/v1/realtime', { token: sup })).body;
        return rt.today && rt.today.offered > 5 && rt.agents.some((a) => a.state === 'busy') ? rt : null;
      }, 15000);
      assert.ok(busy.agents.length >= 40);
      const me = await login(server, 'agent', 'demo-pass-123');
      const who = (await api(server, 'GET', '/api/v1/me', { token: me })).body;
      const desk = await stream(server, me);
      const r = await api(server, 'POST', `/api/v1/agents/${who.agent}/login`, { token: me, body: { ready: true } });
      assert.equal(r.status, 200, r.text);
      // Nobody simulated answers for this desk: the offer waits for the person.
      const offer = await desk.waitFor((m) => m.type === 'event' && m.event.type === 'offer' && m.event.agent === who.agent, 30000);
      const answered = await api(server, 'POST', `/api/v1/interactions/${offer.event.id}/answer`, { token: me });
      assert.equal(answered.status, 200, answered.text);
      assert.equal(answered.body.stage, 'talking');
      const snap = await desk.waitFor((m) => m.type === 'snapshot');
      assert.ok(snap.realtime.queues.length >= 5);
      desk.close();
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
