// Crash test: under load, kill -9, restart, and check that every acknowledged command is in the
// store and in the rebuilt engine — waiting contacts with their original arrival times, agents
// in the states they were last put in. HOTLINE_CRASH_ROUNDS rounds (10 in CI; bench/crash_repeat.sh
// runs 100).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { ADMIN_PASSWORD, api, login, root, startServer, tempDir } from './harness.mjs';

const rounds = Number(process.env.HOTLINE_CRASH_ROUNDS || 10);
const center = path.join(root, 'tests/e2e/center.yaml');

async function allEvents(server, token, type) {
  const out = [];
  let after = 0;
  for (;;) {
    const r = await api(server, 'GET', `/api/v1/events?type=${type}&limit=10000&after=${after}`, { token });
    assert.equal(r.status, 200, r.text);
    out.push(...r.body.events);
    if (r.body.next_after === null) return out;
    after = r.body.next_after;
  }
}

test(`kill -9 under load loses nothing acknowledged (${rounds} rounds)`, async (t) => {
  const dir = tempDir();
  const acked = new Map();  // interaction id → true
  const lastState = {};     // agent → {acked, inFlight}
  let server = await startServer({ dir, args: ['--center', center] });
  let token = await login(server, 'admin', ADMIN_PASSWORD);
  try {
    for (let round = 0; round < rounds; round++) {
      let stop = false;
      const workers = [];
      for (let w = 0; w < 6; w++) {
        workers.push((async () => {
          for (let n = 0; !stop; n++) {
            const id = `r${round}-w${w}-${n}`;
            try {
              const r = await api(server, 'POST', '/api/v1/interactions', {
                token, body: { id, channel: 'voice', from: '1380000' + String(n).padStart(4, '0'), queue: n % 2 ? 'general' : 'cards' } });
              if (r.status === 201) acked.set(id, true);
              else assert.fail(`${id}: ${r.status} ${r.text}`);
            } catch (e) {
              if (!stop) throw e;
            }
          }
        })());
      }
      for (const agent of ['a2', 'b2']) {
        workers.push((async () => {
          const s = (lastState[agent] = lastState[agent] || { acked: null, inFlight: null });
          if (round === 0) {
            await api(server, 'POST', `/api/v1/agents/${agent}/login`, { token, body: { ready: false } });
          }
          for (let n = 0; !stop; n++) {
            const reason = `r${round}-${n}`;
            s.inFlight = reason;
            try {
              const r = await api(server, 'POST', `/api/v1/agents/${agent}/state`, { token, body: { state: 'not_ready', reason } });
              assert.equal(r.status, 200, r.text);
              s.acked = reason;
            } catch (e) {
              if (!stop) throw e;
            }
          }
        })());
      }
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 500));
      stop = true;
      await server.kill9();
      await Promise.allSettled(workers);

      server = await startServer({ dir });
      token = await login(server, 'admin', ADMIN_PASSWORD);
      const arrivals = await allEvents(server, token, 'arrive');
      const arrivedAt = new Map(arrivals.map((e) => [e.id, e.ts]));
      for (const id of acked.keys()) assert.ok(arrivedAt.has(id), `round ${round}: acknowledged ${id} is in the store`);
      const now = (await api(server, 'GET', '/api/v1/interactions', { token })).body.interactions;
      const waiting = new Map(now.map((c) => [c.id, c]));
      for (const id of acked.keys()) {
        const c = waiting.get(id);
        assert.ok(c, `round ${round}: acknowledged ${id} still waits after the restart`);
        assert.equal(c.stage, 'queued');
        assert.equal(c.waiting_since, arrivedAt.get(id), `${id} keeps its original arrival time`);
      }
      const rt = (await api(server, 'GET', '/api/v1/realtime', { token })).body;
      for (const [agent, s] of Object.entries(lastState)) {
        const a = rt.agents.find((x) => x.id === agent);
        assert.equal(a.state, 'not_ready');
        assert.ok(a.reason === s.acked || a.reason === s.inFlight,
          `round ${round}: ${agent} is ${a.reason}, last acknowledged ${s.acked}`);
      }
    }
    assert.ok(acked.size > rounds * 10, `${acked.size} contacts acknowledged`);
    t.diagnostic(`${acked.size} contacts acknowledged over ${rounds} kill -9 restarts, none lost`);
  } finally {
    await server.stop();
    server.cleanup();
  }
});
