// The caseworker console in a real browser (CTest label e2e): an account made with
// `childmaint admin account` signs in at /console/sign-in, finds a case, reads its decision and
// records a payment through the form; an auditor sees no forms. axe-core checks every page;
// screenshots go to $CHILDMAINT_SCREENSHOTS.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminAccount, adminToken, api, checkAccessibility, launchBrowser, screenshot, startServer,
} from './harness.mjs';

const APPLICATION = {
  ghacm_reference: 'GHACM-CONSOLE',
  received_on: '2025-03-03',
  applicant: {
    role: 'receiving_parent', name: 'Robin Hale', date_of_birth: '1991-02-03',
    ni_number: 'AB123456C', address: { line1: '4 Mill Lane', town: 'Leeds', postcode: 'LS2 7AA' },
    domestic_abuse: false, pin: '1234567',
  },
  other_parent: {
    name: 'Casey Hale', date_of_birth: '1989-06-30', ni_number: 'JK123456C',
    address: { line1: '8 Park Row', town: 'Bradford', postcode: 'BD1 1AA' }, pin: '7654321',
  },
  children: [{ name: 'Ash Hale', date_of_birth: '2016-01-15' }],
  collection: 'collect_and_pay',
  payment_frequency: 'monthly',
};

let server;
let browser;
let reference;

before(async () => {
  server = await startServer();
  const token = adminToken(server, 'caseworker');
  const app = await api(server, 'POST', '/api/v1/applications', APPLICATION, token);
  assert.equal(app.status, 201, app.text);
  reference = app.json.case_reference;
  const fee = await api(server, 'POST', `/api/v1/cases/${reference}/application-fee`,
    { outcome: 'paid' }, token);
  assert.ok(fee.status === 200 || fee.status === 409, fee.text);
  const made = await api(server, 'POST', `/api/v1/cases/${reference}/decisions`, {
    effective_date: '2025-04-07',
    paying_parent: { income: { weekly_pence: 50000 } },
    first_payment_date: '2025-05-01',
  }, token);
  assert.equal(made.status, 201, made.text);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInToConsole(role, name) {
  const password = adminAccount(server, role, name);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/console/sign-in`);
  await checkAccessibility(page, 'console sign-in');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Search' }).waitFor();
  return page;
}

describe('the caseworker console in a browser', () => {
  test('a caseworker finds a case, reads the decision and records a payment', async () => {
    const page = await signInToConsole('caseworker', 'casey');
    await checkAccessibility(page, 'console search');
    await page.getByLabel('Case reference, name, NI number or postcode').fill('Hale');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: new RegExp(reference) }).first().click();
    await page.getByRole('heading', { name: /Decisions/ }).waitFor();
    // Every step of the decision, with its law.
    const decisions = (await api(server, 'GET', `/api/v1/cases/${reference}/decisions`, undefined,
      adminToken(server, 'auditor'))).json;
    const steps = (decisions.items ?? decisions.decisions ?? decisions)[0].calculation.steps;
    const text = await page.locator('main').innerText();
    for (const step of steps) assert.ok(text.includes(step.citation), step.citation);
    await checkAccessibility(page, 'console case');
    await screenshot(page, 'console-case');

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Record the payment' }) });
    await form.getByLabel('Date received').fill('2025-05-02');
    await form.getByLabel('Amount in pounds').fill('150.25');
    await form.getByLabel('How it was paid').selectOption('bank_transfer');
    await form.getByRole('button', { name: 'Record the payment' }).click();
    await page.getByText('Success').first().waitFor();
    const statement = await api(server, 'GET', `/api/v1/cases/${reference}/statement?as_of=2025-06-01`,
      undefined, adminToken(server, 'auditor'));
    assert.equal(statement.json.paid_pence, 15025);
    const audit = await api(server, 'GET', '/api/v1/audit?limit=1000', undefined,
      adminToken(server, 'auditor'));
    assert.match(audit.text, /caseworker:account:casey/);

    await page.getByRole('link', { name: 'Queues' }).click();
    await checkAccessibility(page, 'console queues');
    await screenshot(page, 'console-queues');
    await page.context().close();
  });

  test('an auditor reads the case but sees no forms', async () => {
    const page = await signInToConsole('auditor', 'audrey');
    await page.goto(`${server.url}/console/cases/${reference}`);
    await page.getByRole('heading', { name: /Decisions/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Record the payment' }).count(), 0);
    await checkAccessibility(page, 'console case (auditor)');
    await page.context().close();
  });
});
