// The web UI as people use it: headless chromium (Debian's, driven by playwright-core) against
// `hotline serve --demo`. Screenshots of every page go to $HOTLINE_SCREENSHOTS (build/screenshots).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { DEMO_PASSWORD, api, login, root, startServer, until } from './harness.mjs';

const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');
const shots = process.env.HOTLINE_SCREENSHOTS || path.join(root, 'build/screenshots');
mkdirSync(shots, { recursive: true });
const web = process.env.HOTLINE_WEB || path.join(path.dirname(process.env.HOTLINE_BIN || path.join(root, 'build/hotline')), 'share/hotline/web');

let server, browser, sup;

before(async () => {
  server = await startServer({ args: ['--demo', '--web', web] });
  sup = await login(server, 'supervisor', DEMO_PASSWORD);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

async function page(lang) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  return context.newPage();
}

async function logIn(p, username) {
  await p.goto(server.base + '/login');
  await p.getByLabel(/用户名|User name/).fill(username);
  await p.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: /^(登录|Log in)$/ }).click();
}

test('an agent logs in, goes ready, answers a call, hangs up and wraps up with a disposition', async () => {
  const p = await page();
  await p.goto(server.base + '/');
  await p.getByLabel('用户名').waitFor();  // not logged in: the login page
  assert.match(p.url(), /\/login/);
  await p.screenshot({ path: path.join(shots, 'ui-login.png') });
  await logIn(p, 'agent');
  await p.waitForURL(/\/desk/);
  await p.getByRole('button', { name: '签入' }).click();
  await p.locator('[data-test=my-state]', { hasText: '示忙' }).waitFor();
  await p.getByRole('button', { name: '示闲' }).click();
  await p.locator('[data-test=my-state]', { hasText: '示闲' }).waitFor();
  // Callers that only this desk (and one other senior agent) can take, so a call comes soon.
  for (let i = 0; i < 3; i++) {
    const r = await api(server, 'POST', '/api/v1/interactions', {
      token: sup, body: { channel: 'voice', from: `1391234${5670 + i}`, queue: 'general', skills: { general: 7, credit_card: 6 } } });
    assert.equal(r.status, 201, r.text);
  }
  const answer = p.getByRole('button', { name: '接听' });
  await answer.waitFor({ timeout: 20000 });
  await p.locator('[data-test=caller]', { hasText: '****' }).waitFor();  // the number, masked for an agent
  await p.screenshot({ path: path.join(shots, 'ui-desk-incoming.png') });
  await answer.click();
  await p.getByRole('button', { name: '挂机' }).waitFor();
  await p.locator('[data-test=my-state]', { hasText: '通话' }).waitFor();
  await p.getByRole('button', { name: '保持' }).click();
  await p.getByRole('button', { name: '取回' }).click();
  await p.screenshot({ path: path.join(shots, 'ui-desk-talking.png') });
  await p.getByRole('button', { name: '挂机' }).click();
  await p.locator('[data-test=disposition]').selectOption('follow_up');
  await p.locator('[data-test=notes]').fill('客户要求明天回电');
  await p.screenshot({ path: path.join(shots, 'ui-desk-wrapup.png') });
  await p.getByRole('button', { name: '完成整理' }).click();
  await p.getByText('暂无来电').waitFor();
  const me = (await api(server, 'GET', '/api/v1/events?type=wrapup_end&agent=a02', { token: sup })).body.events;
  assert.ok(me.some((e) => e.disposition === 'follow_up' && e.notes === '客户要求明天回电'), JSON.stringify(me));
  await until(async () => (await p.locator('[data-test=answered]').textContent()) !== '0', 40000, 500);
  await p.screenshot({ path: path.join(shots, 'ui-desk.png') });

  // Administration (and the wallboard) are leaders' pages; the menu does not offer them either.
  assert.equal(await p.getByRole('link', { name: '配置管理' }).count(), 0);
  for (const page of ['/admin', '/wallboard']) {
    await p.goto(server.base + page);
    await p.getByText('无权访问').waitFor();
    assert.match(p.url(), /\/forbidden/);
  }
  await p.screenshot({ path: path.join(shots, 'ui-forbidden.png') });
  await p.context().close();
});

test('a team leader watches the wallboard update and an alert fire; the language switches', async () => {
  const p = await page();
  await logIn(p, 'leader');
  await p.waitForURL(/\/wallboard/);
  const tile = p.locator('.tile[data-queue=general]');
  await tile.waitFor();
  await p.locator('.agent').first().waitFor();
  // Six callers no agent can serve: the queue fills and the wallboard says so.
  const before = Number(await tile.locator('[data-test=waiting]').textContent());
  for (let i = 0; i < 6; i++) {
    const r = await api(server, 'POST', '/api/v1/interactions', {
      token: sup, body: { channel: 'voice', from: `1370000${1000 + i}`, queue: 'general', skills: { general: 10, english: 10, wealth: 10 } } });
    assert.equal(r.status, 201, r.text);
  }
  await until(async () => Number(await tile.locator('[data-test=waiting]').textContent()) >= before + 6, 10000, 200);
  await p.locator('[data-test=alert]', { hasText: '综合业务' }).first().waitFor();
  await p.screenshot({ path: path.join(shots, 'ui-wallboard.png'), fullPage: true });

  await p.locator('[data-test=language]').selectOption('en');
  await p.getByRole('link', { name: 'Wallboard' }).waitFor();
  await p.getByText('Alerts').waitFor();
  await p.screenshot({ path: path.join(shots, 'ui-wallboard-en.png'), fullPage: true });
  await p.context().close();
});

test('a supervisor reads the reports as charts and a table, and exports CSV', async () => {
  const p = await page();
  await logIn(p, 'supervisor');
  await p.waitForURL(/\/wallboard/);
  await p.getByRole('link', { name: '报表' }).click();
  await p.locator('[data-test=interval]').selectOption('15m');
  await p.locator('[data-test=by]').selectOption('queue');
  await p.locator('[data-test=run]').click();
  await until(async () => (await p.locator('[data-test=report-table] tbody tr').count()) > 0, 10000, 200);
  await until(async () => (await p.locator('[data-test=chart] canvas').count()) === 4, 10000, 200);
  const csv = await p.locator('[data-test=csv]').getAttribute('href');
  const r = await p.request.get(server.base + csv);
  assert.equal(r.status(), 200);
  assert.match(await r.text(), /^interval,queue,offered,answered/);
  await p.screenshot({ path: path.join(shots, 'ui-reports.png'), fullPage: true });
  await p.context().close();
});

test('a manager edits the configuration; the server\'s validation message stands beside the field', async () => {
  const p = await page();
  await logIn(p, 'manager');
  await p.waitForURL(/\/wallboard/);
  await p.getByRole('link', { name: '配置管理' }).click();
  await p.locator('[data-test=entities] tbody tr').first().waitFor();
  await p.locator('[data-test=add]').click();
  await p.locator('[data-test=field-id]').fill('vip_test');
  await p.locator('[data-test=field-name]').fill('测试贵宾');
  await p.locator('[data-test=field-wrapup]').fill('-5s');
  await p.locator('[data-test=save]').click();
  const err = p.locator('label.invalid', { has: p.locator('[data-test=field-wrapup]') }).locator('[data-test=field-error]');
  await err.waitFor();
  assert.match(await err.textContent(), /wrapup|duration|负|negative/);
  await p.screenshot({ path: path.join(shots, 'ui-admin-error.png'), fullPage: true });
  await p.locator('[data-test=field-wrapup]').fill('15s');
  await p.locator('[data-test=save]').click();
  await p.getByText('已保存并生效').waitFor();
  const rt = await api(server, 'GET', '/api/v1/realtime', { token: sup });
  assert.ok(rt.body.queues.some((q) => q.id === 'vip_test'), 'the running center has the new queue');
  await p.screenshot({ path: path.join(shots, 'ui-admin.png'), fullPage: true });
  await p.context().close();
});
