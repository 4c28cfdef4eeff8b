// Starts the built `hotline serve` on a free port and talks to it over HTTP and WebSocket.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));
export const WebSocket = require('ws');
export const bin = process.env.HOTLINE_BIN || path.join(root, 'build/hotline');
export const ADMIN_PASSWORD = 'admin-pass-123';
export const DEMO_PASSWORD = 'demo-pass-123';

export function tempDir() {
  return mkdtempSync(path.join(tmpdir(), 'hotline-e2e-'));
}

export async function startServer({ dir, args = [], env = {} } = {}) {
  dir = dir || tempDir();
  const child = spawn(bin, ['serve', '--port', '0', '--db', path.join(dir, 'hotline.db'), ...args], {
    env: { ...process.env, HOTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD, HOTLINE_DEMO_PASSWORD: DEMO_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + stderr)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening (\d+)/);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${stderr}`)); });
  });
  const base = `http://127.0.0.1:${port}`;
  const server = {
    child, port, base, dir,
    get stderr() { return stderr; },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
    async kill9() {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await done;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
  child.removeAllListeners('exit');
  return server;
}

// A JSON request; returns {status, body, headers}.
export async function api(server, method, route, { token, body, raw, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) { payload = JSON.stringify(body); h['content-type'] = 'application/json'; }
  const res = await fetch(server.base + route, { method, headers: h, body: payload });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, body: json, text, headers: res.headers };
}

export async function login(server, username, password) {
  const r = await api(server, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return r.body.token;
}

// Collects the stream's messages; `waitFor(pred)` resolves with the first message matching.
export async function stream(server, token, query = '') {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/v1/stream?token=${token}${query}`);
  const messages = [];
  const waiters = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
    }
  });
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  return {
    ws, messages,
    waitFor(pred, ms = 10000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('stream: no matching message in ' + ms + ' ms')), ms);
        const w = { pred, resolve: (m) => { clearTimeout(timer); resolve(m); } };
        waiters.push(w);
      });
    },
    close() { ws.close(); },
  };
}

export async function until(fn, ms = 10000, step = 100) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in ' + ms + ' ms');
    await new Promise((r) => setTimeout(r, step));
  }
}
