// The browser tests' harness: the real `childmaint serve` on a temporary SQLite database, its API
// over fetch, and Debian's chromium driven by playwright-core (no mocks, nothing downloaded).
//
//   const server = await startServer();               // build/childmaint serve --port 0
//   const token = adminToken(server, 'caseworker');   // childmaint admin token
//   const browser = await launchBrowser();
//   await checkAccessibility(page, 'overview');       // axe-core: fails on serious violations
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BIN = process.env.CHILDMAINT_BIN ?? 'build/childmaint';
export const SCREENSHOTS = process.env.CHILDMAINT_SCREENSHOTS ?? 'build/screenshots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'childmaint-browser-'));
  const db = `sqlite:${join(dir, 'test.db')}`;
  const child = spawn(BIN, ['serve', '--port', '0', '--db', db, '--fast-pin-hashing'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^listening on (http:\/\/\S+)\n/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return {
    url, db, dir, child,
    logs: () => stderr,
    async stop() {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function adminToken(server, role) {
  return execFileSync(BIN, ['admin', 'token', '--role', role, '--name', `browser-${role}`,
    '--db', server.db], { encoding: 'utf8' }).trim();
}

// A console account (`childmaint admin account`): its generated password.
export function adminAccount(server, role, name) {
  return execFileSync(BIN, ['admin', 'account', '--role', role, '--name', name, '--db', server.db],
    { encoding: 'utf8' }).trim();
}

// The API as a caseworker (token) or anonymous: { status, json, text }.
export async function api(server, method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(server.url + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a sandbox with a closed network (env/machines/cpp.md).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

// Signs in through the form exactly as a parent would: by the labels and the button.
export async function signIn(page, server, { reference, ni, pin }) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Case reference number').fill(reference);
  await page.getByLabel('National Insurance number').fill(ni);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// axe-core on the page as it is now; fails on any serious or critical violation.
export async function checkAccessibility(page, name) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
    [], `accessibility of ${name}`);
  return results.passes.length;
}

// "£72.00" for 7200.
export function pounds(pence) {
  const whole = String(Math.floor(pence / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `£${whole}.${String(pence % 100).padStart(2, '0')}`;
}
