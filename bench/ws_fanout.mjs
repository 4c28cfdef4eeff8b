// WebSocket fan-out: N subscribers on /api/v1/stream while contacts are brought in; reports how
// long each event takes from the command's acknowledgement to the last subscriber, and the
// messages delivered per second. The subscribers run in this one node process, which is part of
// what is measured. A report, not a test.
//   node bench/ws_fanout.mjs [SUBSCRIBERS] [COMMANDS]
import { ADMIN_PASSWORD, WebSocket, api, login, root, startServer } from '../tests/e2e/harness.mjs';
import path from 'node:path';

const subscribers = Number(process.argv[2] || 1000);
const commands = Number(process.argv[3] || 200);
const server = await startServer({ args: ['--center', path.join(root, 'tests/e2e/center.yaml'), '--durability', 'normal'] });
const token = await login(server, 'admin', ADMIN_PASSWORD);
const acked = new Map();      // interaction id → ack time
const lastSeen = new Map();   // interaction id → time the last subscriber saw its arrive
const seenCount = new Map();
let delivered = 0;
const sockets = [];
for (let i = 0; i < subscribers; i++) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/stream?token=${token}`);
  ws.on('message', (data) => {
    delivered++;
    const m = JSON.parse(data);
    if (m.type !== 'event' || m.event.type !== 'arrive') return;
    const n = (seenCount.get(m.event.id) || 0) + 1;
    seenCount.set(m.event.id, n);
    if (n === subscribers) lastSeen.set(m.event.id, performance.now());
  });
  sockets.push(new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); }));
}
await Promise.all(sockets);
const started = performance.now();
delivered = 0;
for (let i = 0; i < commands; i++) {
  const id = `fan-${i}`;
  const r = await api(server, 'POST', '/api/v1/interactions', { token, body: { id, channel: 'voice', from: '13800000000', queue: 'general' } });
  if (r.status !== 201) throw new Error(r.text);
  acked.set(id, performance.now());
}
const deadline = Date.now() + 30000;
while (lastSeen.size < commands && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const elapsed = (performance.now() - started) / 1000;
const lat = [...acked].filter(([id]) => lastSeen.has(id)).map(([id, t]) => lastSeen.get(id) - t).sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
console.log(`ws fan-out: ${subscribers} subscribers, ${commands} contacts: every event reached every subscriber: ${lastSeen.size === commands}`);
console.log(`  ack → last subscriber: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; ${Math.round(delivered / elapsed)} messages/s delivered`);
await server.stop();
server.cleanup();
process.exit(0);
