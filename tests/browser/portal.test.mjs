// The parents' portal in a real browser (CTest label e2e): Debian's chromium driven through
// playwright-core against the real `childmaint serve` on a temporary SQLite database.
//
// A receiving parent with domestic-abuse protection and the paying parent share one case. The
// paying parent signs in, sees the amount and how it was worked out, reports a change, sends a
// message, makes a complaint and takes it further; every page they can reach, and every API
// answer their session can get, is searched for the protected parent's details; axe-core checks
// every page; screenshots of the main pages go to $CHILDMAINT_SCREENSHOTS (build/screenshots).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminToken, api, checkAccessibility, launchBrowser, pounds, screenshot, signIn, startServer,
} from './harness.mjs';

// The protected receiving parent's details: none may reach the paying parent by any route.
const PROTECTED = {
  name: 'Sam Taylor',
  ni: 'AB123456C',
  pin: '4827163',
  secrets: ['Secret Lane', 'Hiddenham', 'ZZ9 9ZZ', '07700 900999', 'hidden@example.org',
    'AB123456C', 'AB 12 34 56 C', '1990-05-17', '17 May 1990', '17/05/1990'],
};
const PAYING = { ni: 'JK123456C', pin: '7654321' };

const APPLICATION = {
  ghacm_reference: 'GHACM-BROWSER',
  received_on: '2025-03-03',
  applicant: {
    role: 'receiving_parent', name: PROTECTED.name, date_of_birth: '1990-05-17',
    ni_number: PROTECTED.ni,
    address: { line1: '17 Secret Lane', town: 'Hiddenham', postcode: 'ZZ9 9ZZ' },
    phone: '07700 900999', email: 'hidden@example.org', domestic_abuse: true, pin: PROTECTED.pin,
  },
  other_parent: {
    name: 'Alex Morgan', date_of_birth: '1988-11-02', ni_number: PAYING.ni,
    address: { line1: '9 Low Road', town: 'York', postcode: 'YO1 7HH' }, pin: PAYING.pin,
  },
  children: [{ name: 'Jo Taylor', date_of_birth: '2017-09-01' }],
  collection: 'direct_pay',
  payment_frequency: 'monthly',
};

let server;
let browser;
let token;
let reference;
let decision;

before(async () => {
  server = await startServer();
  token = adminToken(server, 'caseworker');
  const app = await api(server, 'POST', '/api/v1/applications', APPLICATION, token);
  assert.equal(app.status, 201, app.text);
  reference = app.json.case_reference;
  const made = await api(server, 'POST', `/api/v1/cases/${reference}/decisions`, {
    effective_date: '2025-04-07',
    paying_parent: { income: { weekly_pence: 60000 } },
    first_payment_date: '2025-05-01',
  }, token);
  assert.equal(made.status, 201, made.text);
  decision = made.json;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function payingParentPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The reference as printed on letters (with spaces), the NI number in lower case.
  await signIn(page, server, {
    reference: `${reference.slice(0, 3)} ${reference.slice(3, 7)} ${reference.slice(7)}`,
    ni: 'jk 12 34 56 c',
    pin: PAYING.pin,
  });
  await page.waitForURL('**/overview');
  return page;
}

// Every page a signed-in parent can reach by following links (axe-core on each), and every GET the
// API documents for their case: none may contain any of `protectedParty.secrets`; the protected
// party's name is shown (service.md §9).
async function assertNothingReaches(page, caseReference, protectedParty) {
  const seen = new Map();  // url -> text
  const queue = [`${server.url}/overview`, `${server.url}/no-such-page`];
  let pages = 0;
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    const response = await page.goto(url);
    seen.set(url, await page.content());
    if (response.headers()['content-type']?.includes('text/html')) {
      pages += 1;
      await checkAccessibility(page, url);
    }
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href))) {
      const next = href.split('#')[0];
      if (next.startsWith(server.url) && !seen.has(next)) queue.push(next);
    }
  }
  assert.ok(pages >= 10, `crawled ${pages} pages`);
  const openapi = (await api(server, 'GET', '/api/v1/openapi.json')).json;
  const paths = Object.keys(openapi.paths)
    .filter((p) => openapi.paths[p].get && /^\/api\/v1\/cases\/\{[a-z_]+\}(\/[a-z-]+)?$/.test(p));
  assert.ok(paths.length >= 8, `API paths ${paths}`);
  for (const p of paths) {
    const url = server.url + p.replace(/\{[a-z_]+\}/, caseReference);
    const res = await page.request.get(url);
    seen.set(url, await res.text());
  }
  assert.ok([...seen.values()].some((t) => t.includes(protectedParty.name)));
  for (const [url, text] of seen) {
    for (const secret of protectedParty.secrets) {
      assert.ok(!text.includes(secret), `${secret} appears at ${url}`);
    }
  }
  for (const secret of protectedParty.secrets) {
    assert.ok(!server.logs().includes(secret), `${secret} appears in the server's log`);
  }
}

describe('the portal in a browser', () => {
  test('the sign-in page is accessible and styled by GOV.UK Frontend', async () => {
    const page = await browser.newPage();
    const css = await page.request.get(`${server.url}/assets/govuk-frontend.min.css`);
    assert.equal(css.status(), 200);
    assert.match(css.headers()['content-type'], /text\/css/);
    await page.goto(`${server.url}/sign-in`);
    // The stylesheet applied: GOV.UK Frontend sets the button's green background.
    const background = await page.getByRole('button', { name: 'Sign in' })
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)');
    await checkAccessibility(page, 'sign-in');
    await screenshot(page, 'sign-in');
    for (const path of ['/forgotten-pin', '/set-pin']) {
      await page.goto(server.url + path);
      await checkAccessibility(page, path);
    }
    await page.close();
  });

  test('a parent signs in and sees the weekly amount and every step with its law', async () => {
    const page = await payingParentPage();
    const rp = decision.calculation.receiving_parents.find((r) => r.id === reference);
    const weekly = pounds(rp.paying_parent_pays_pence);
    assert.match(weekly, /^£\d{1,3}(,\d{3})*\.\d{2}$/);
    await assert.doesNotReject(page.getByText(weekly).first().waitFor());
    await checkAccessibility(page, 'overview');
    await screenshot(page, 'overview');

    await page.getByRole('link', { name: 'How we worked this out' }).first().click();
    const body = await page.locator('main').innerText();
    for (const step of decision.calculation.steps) {
      assert.ok(body.includes(step.citation), `citation ${step.citation}`);
    }
    await checkAccessibility(page, 'calculation');
    await screenshot(page, 'calculation');

    await page.goto(`${server.url}/payments`);
    await checkAccessibility(page, 'payments');
    await screenshot(page, 'payments');
    await page.context().close();
  });

  test('a parent reports a change of circumstances', async () => {
    const page = await payingParentPage();
    await page.goto(`${server.url}/report-change`);
    await page.getByLabel('What has changed').selectOption('income');
    await page.getByLabel('When did it change?').fill('2025-06-01');
    await page.getByLabel('Tell us more').fill('I started a new job on a lower salary.');
    await page.getByRole('button', { name: 'Report the change' }).click();
    await page.getByText('A caseworker will look at the change').waitFor();
    const changes = await api(server, 'GET', `/api/v1/cases/${reference}/changes`, undefined, token);
    assert.equal(changes.status, 200);
    assert.match(changes.text, /lower salary/);
    await page.context().close();
  });

  test('a parent sends a secure message and reads the reply', async () => {
    const page = await payingParentPage();
    await page.goto(`${server.url}/messages`);
    await page.getByLabel('Your message').fill('Can I pay fortnightly instead?');
    await page.getByRole('button', { name: 'Send the message' }).click();
    await page.getByText('Your message has been sent').waitFor();
    await page.goto(`${server.url}/messages`);
    await page.getByRole('cell', { name: 'Can I pay fortnightly instead?' }).waitFor();
    await checkAccessibility(page, 'messages');
    await screenshot(page, 'messages');
    await page.context().close();
  });

  test('a parent uploads a document, checked by its content', async () => {
    const page = await payingParentPage();
    await page.goto(`${server.url}/documents`);
    // A real (tiny) PDF, then a text file that only pretends to be one.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.getByLabel('Choose a file').setInputFiles(
      { name: 'payslip-may.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByLabel('Description (optional)').fill('Payslip for May');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('We have received').waitFor();
    await page.getByRole('cell', { name: /payslip-may\.pdf/ }).waitFor();
    await page.getByLabel('Choose a file').setInputFiles(
      { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('There is a problem').waitFor();
    await checkAccessibility(page, 'documents with an error');
    const list = await api(server, 'GET', `/api/v1/cases/${reference}/documents`, undefined, token);
    assert.equal(list.status, 200, list.text);
    const names = JSON.stringify(list.json);
    assert.match(names, /payslip-may\.pdf/);
    assert.doesNotMatch(names, /fake\.pdf/);
    await page.goto(`${server.url}/documents`);
    await screenshot(page, 'documents');
    await page.context().close();
  });

  test('a parent makes a complaint, sees its due dates and asks for a review', async () => {
    const page = await payingParentPage();
    await page.goto(`${server.url}/complaints`);
    await page.getByLabel('What is your complaint about?').fill('Nobody answered my letter.');
    await page.getByRole('button', { name: 'Send the complaint' }).click();
    await page.getByText('We will acknowledge your complaint').waitFor();
    const list = await api(server, 'GET', `/api/v1/cases/${reference}/complaints`, undefined, token);
    const id = list.json.items[0].id;
    const on = new Date().toISOString().slice(0, 10);  // the server runs on today's date
    for (const step of ['acknowledge', 'respond']) {
      const r = await api(server, 'POST', `/api/v1/cases/${reference}/complaints/${id}/${step}`,
        step === 'respond' ? { on, response: 'We are sorry; we have replied now.' } : { on }, token);
      assert.equal(r.status, 200, r.text);
    }
    await page.goto(`${server.url}/complaints`);
    await page.getByRole('cell', { name: 'We are sorry; we have replied now.' }).waitFor();
    await checkAccessibility(page, 'complaints');
    await screenshot(page, 'complaints');
    await page.getByRole('button', { name: 'Ask for a review' }).click();
    await page.getByText('Your complaint has been passed on').waitFor();
    const after = await api(server, 'GET', `/api/v1/cases/${reference}/complaints`, undefined, token);
    assert.equal(after.json.items[0].stage, 'review');
    await page.context().close();
  });

  test('the protected parent\'s details appear nowhere the other parent can reach', async () => {
    // A message from the service to each parent; the one to the protected parent mentions their
    // address, and must stay theirs.
    const kase = await api(server, 'GET', `/api/v1/cases/${reference}`, undefined, token);
    for (const party of kase.json.parties) {
      const body = party.role === 'receiving_parent'
        ? 'We have updated your address to 17 Secret Lane, Hiddenham ZZ9 9ZZ.'
        : 'We have received your message and will reply soon.';
      const r = await api(server, 'POST', `/api/v1/cases/${reference}/messages`,
        { party_id: party.id, body }, token);
      assert.equal(r.status, 201, r.text);
    }
    const page = await payingParentPage();
    await assertNothingReaches(page, reference, PROTECTED);
    await page.context().close();
  });

  test('a protected paying parent\'s details appear nowhere the receiving parent can reach', async () => {
    const hidden = {
      name: 'Robin Vale',
      secrets: ['Quiet Close', 'Nowhereton', 'ZZ8 8ZZ', '07700 900888', 'robin@example.org',
        'JK654321C', 'JK 65 43 21 C', '1985-03-09', '9 March 1985', '09/03/1985'],
    };
    const app = await api(server, 'POST', '/api/v1/applications', {
      ghacm_reference: 'GHACM-BROWSER-PP',
      received_on: '2025-03-03',
      applicant: {
        role: 'paying_parent', name: hidden.name, date_of_birth: '1985-03-09',
        ni_number: 'JK654321C',
        address: { line1: '3 Quiet Close', town: 'Nowhereton', postcode: 'ZZ8 8ZZ' },
        phone: '07700 900888', email: 'robin@example.org', domestic_abuse: true, pin: '2468024',
      },
      other_parent: {
        name: 'Kim Lowe', date_of_birth: '1990-01-20', ni_number: 'AB654321C',
        address: { line1: '5 Open Road', town: 'Leeds', postcode: 'LS3 1AA' }, pin: '1357913',
      },
      children: [{ name: 'Lou Lowe', date_of_birth: '2018-04-04' }],
      collection: 'collect_and_pay',
      payment_frequency: 'monthly',
    }, token);
    assert.equal(app.status, 201, app.text);
    const ref = app.json.case_reference;
    const made = await api(server, 'POST', `/api/v1/cases/${ref}/decisions`, {
      effective_date: '2025-04-07',
      paying_parent: { income: { weekly_pence: 45000 } },
      first_payment_date: '2025-05-01',
    }, token);
    assert.equal(made.status, 201, made.text);
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server, { reference: ref, ni: 'AB654321C', pin: '1357913' });
    await page.waitForURL('**/overview');
    await assertNothingReaches(page, ref, hidden);
    await page.context().close();
  });

  test('five wrong PINs lock sign-in for 30 minutes, even with the right PIN', async () => {
    const page = await browser.newPage();
    const who = { reference, ni: PROTECTED.ni };
    for (let i = 0; i < 5; i += 1) {
      await signIn(page, server, { ...who, pin: '0000000' });
      await page.getByText('We could not sign you in with those details.').waitFor();
    }
    await signIn(page, server, { ...who, pin: PROTECTED.pin });
    await page.getByText('Too many attempts. You can try again in 30 minutes.').waitFor();
    assert.ok(page.url().endsWith('/sign-in'));
    await screenshot(page, 'locked-out');
    const audit = await api(server, 'GET', '/api/v1/audit?limit=1000', undefined, token);
    assert.match(audit.text, /sign_in_locked/);
    await page.close();
  });
});
