import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, openApp, saveScreenshot, startApp } from './harness';
import type { RunningApp } from './harness';

// Issue #4, as a consultant would: a three-stakeholder session driven by the keyboard in the demo workspace,
// a reload mid-session that comes back to the same person and words, the detractor's follow-up in the queue,
// full-text search that opens the interview, guides with versions, and axe in light and dark.

let browser: Browser;
let app: RunningApp;
let page: Page;

const VERBATIM_1 = 'Onboarding dragged on and our support tickets waited for days';
const VERBATIM_2 = 'A great partnership on the rollout';
const VERBATIM_3 = 'Reporting could be clearer for the finance team';

interface Contact {
  id: string;
  name: string;
}
let account: { id: string; name: string; contacts: Contact[] };
let driver: { id: string; name: string };

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function go(p: Page, path: string): Promise<void> {
  await p.evaluate((hash) => {
    window.location.hash = hash;
  }, path);
}

/** Axe and a screenshot; notifications from earlier steps are dismissed so they do not cover the screen. */
async function checkScreen(p: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  await expectAccessible(p, `${name} (${scheme})`);
  const dismiss = p.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 1000 }).catch(() => undefined);
  await saveScreenshot(p, scheme === 'light' ? name : `${name}-dark`);
}

/** The app answers in well under a second, but the machine running the tests may be busy. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });
const focusedIs = (p: Page, selector: string) => p.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
const savedIndicator = (p: Page) => p.getByRole('status').filter({ hasText: /^Saved/ });
const npsGroup = (p: Page) => p.getByRole('radiogroup', { name: /recommend/ });
const verbatimBox = (p: Page) => p.getByRole('textbox', { name: /most important reason/ });
const heading = (p: Page) => p.locator('.interview-form__name');

/** Waits for the interview of `name`; a failure says what the screen said (toasts) to explain why. */
async function expectPerson(p: Page, name: string): Promise<void> {
  try {
    await poll(() => heading(p).textContent()).toBe(name);
  } catch (err) {
    const toasts = await p.locator('.toast__message').allTextContents();
    const saving = await p.locator('.save-indicator').allTextContents();
    throw new Error(`${err instanceof Error ? err.message : String(err)} — toasts: ${JSON.stringify(toasts)}, save: ${JSON.stringify(saving)}`);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await openApp(browser, app);
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid', { name: /^Accounts/ }).waitFor();
  // An account with at least three contacts, picked by its name the way a person would type it.
  const list = await call<{ rows: { id: string; name: string; contactCount: number }[] }>('accounts.list', { sort: 'name', direction: 'asc', limit: 200 });
  const row = list.rows.find((r) => r.contactCount >= 3)!;
  const detail = await call<{ contacts: Contact[] }>('accounts.get', { id: row.id });
  account = { id: row.id, name: row.name, contacts: detail.contacts.slice(0, 3) };
  driver = (await call<{ drivers: { id: string; name: string }[] }>('guides.vocabulary', {})).drivers[0]!;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('interview day in the demo workspace', () => {
  it('the Interviews area is built: sessions home with nothing open yet', async () => {
    await page.getByRole('link', { name: /^Interviews/ }).first().click();
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Start a session' }).first().waitFor();
    await checkScreen(page, 'interviews-home', 'light');
  });

  it('starts a session with three stakeholders picked in order', async () => {
    await page.getByRole('link', { name: 'Start a session' }).first().click();
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();
    await page.getByRole('searchbox', { name: 'Account', exact: true }).fill(account.name);
    await page.getByRole('radio', { name: new RegExp(account.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().check();
    for (const c of account.contacts) await page.getByRole('checkbox', { name: new RegExp(c.name) }).check();
    await page.getByRole('textbox', { name: 'Interviewer' }).fill('Alex Consultant');
    await checkScreen(page, 'interviews-start', 'light');
    await page.getByRole('button', { name: 'Start interviewing' }).click();
    await page.waitForURL(/#\/interviews\/session\/[0-9a-f-]{36}$/);
    await expectPerson(page, account.contacts[0]!.name);
    expect(await page.locator('.interview-form__position').textContent()).toBe('Stakeholder 1 of 3');
  });

  it('first stakeholder by keyboard: digits set the NPS, Enter moves on, typing is saved, Ctrl+Enter completes', async () => {
    // Focus starts on the NPS question: no mouse needed.
    expect(await focusedIs(page, '[role="radio"]')).toBe(true);
    await page.keyboard.press('3');
    await poll(() => npsGroup(page).getByRole('radio', { checked: true }).textContent()).toBe('3');
    expect(await page.locator('.scale__category').first().textContent()).toBe('Detractor');
    await page.keyboard.press('Enter');
    expect(await focusedIs(page, 'textarea')).toBe(true);
    await page.keyboard.type(VERBATIM_1);
    // Tag the verbatim with a driver, by keyboard: Tab to "Tag", Enter opens, Space ticks, Escape closes.
    await page.keyboard.press('Tab');
    expect(await focusedIs(page, 'button[aria-label="Tag the verbatim with drivers and touchpoints"]')).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Tags for the verbatim' }).waitFor();
    expect(await focusedIs(page, `input[type="checkbox"]`)).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await page.locator('.tag--driver', { hasText: driver.name }).waitFor();
    await savedIndicator(page).waitFor();
    await page.keyboard.press('Control+Enter');
    await expectPerson(page, account.contacts[1]!.name);
    await page.getByText(/Follow-up opened: Follow up with/).waitFor();
  });

  it('second stakeholder: 1 then 0 is a ten, the follow-up shortcut marks one, and the rail shows progress', async () => {
    await page.keyboard.press('1');
    await page.keyboard.press('0');
    await poll(() => npsGroup(page).getByRole('radio', { checked: true }).textContent()).toBe('10');
    expect(await page.locator('.scale__category').first().textContent()).toBe('Promoter');
    await page.keyboard.press('Enter');
    await page.keyboard.type(VERBATIM_2);
    await page.keyboard.press('Control+Shift+F');
    const dialog = page.getByRole('dialog', { name: 'Mark a follow-up' });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: /What to follow up/ }).inputValue()).toBe(`Follow up with ${account.contacts[1]!.name}`);
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.badge', { hasText: 'Follow-up marked' }).waitFor();
    await savedIndicator(page).waitFor();
    await page.keyboard.press('Control+Enter');
    await expectPerson(page, account.contacts[2]!.name);
    const rail = page.getByRole('complementary', { name: 'Stakeholders today' });
    await poll(() => rail.locator('.session-rail__meta', { hasText: /^Complete/ }).count()).toBe(2);
    expect(await page.getByText('2 of 3 complete').count()).toBe(1);
  });

  it('Alt+↑ and Alt+↓ move between people and keep what was typed', async () => {
    // As a person does: look that the new person's score has the focus before typing. Then a quick typist's
    // digit and Enter, both before the next frame: the score must not pull focus back from the box after it.
    await poll(() => npsGroup(page).evaluate((group) => group.contains(document.activeElement))).toBe(true);
    // Both keys in one task, so that no frame can pass between them however fast the machine is.
    await page.evaluate(() => {
      for (const key of ['7', 'Enter']) document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
    await poll(() => npsGroup(page).getByRole('radio', { checked: true }).textContent()).toBe('7');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await verbatimBox(page).evaluate((box) => (box === document.activeElement ? 'box' : `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.slice(0, 40)}`))).toBe('box');
    await page.keyboard.type('Reporting could');
    await page.keyboard.press('Alt+ArrowUp');
    await expectPerson(page, account.contacts[1]!.name);
    await page.keyboard.press('Alt+ArrowDown');
    await expectPerson(page, account.contacts[2]!.name);
    expect(await verbatimBox(page).inputValue()).toBe('Reporting could');
  });

  it('a reload mid-session resumes at the same stakeholder with the typed text there', async () => {
    await verbatimBox(page).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' be clearer for the finance team');
    await savedIndicator(page).waitFor();
    await checkScreen(page, 'interview-session', 'light');
    const url = page.url();
    await page.reload();
    await expectPerson(page, account.contacts[2]!.name);
    expect(page.url()).toBe(url);
    expect(await verbatimBox(page).inputValue()).toBe(VERBATIM_3);
    expect(await npsGroup(page).getByRole('radio', { checked: true }).textContent()).toBe('7');
    expect(await page.locator('.interview-form__position').textContent()).toBe('Stakeholder 3 of 3');
    await npsGroup(page).getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('Control+Enter');
    await page.getByText('3 of 3 complete').waitFor();
    await page.getByText(/Everyone on today’s list is done/).waitFor();
  });

  it('a completed score is corrected with its history: who, when, old → new', async () => {
    await page.getByRole('button', { name: /Correct score/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Correct a score' });
    await dialog.waitFor();
    await dialog.getByRole('radiogroup', { name: 'Corrected score' }).getByRole('radio', { name: '8' }).click();
    await dialog.getByRole('textbox', { name: /Why/ }).fill('Misheard: confirmed 8 by email');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    const history = page.getByRole('region', { name: 'Score corrections' });
    await history.waitFor();
    expect(await history.textContent()).toMatch(/NPS: 7 → 8/);
    expect(await history.textContent()).toMatch(/Alex Consultant/);
  });

  it('someone met on the spot joins the day, and a no-show is removed', async () => {
    await page.getByRole('button', { name: 'Add a stakeholder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add stakeholders' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Noah Fielding');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('IT Manager');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await dialog.getByText('Noah Fielding').waitFor();
    await checkScreen(page, 'interviews-add-stakeholder', 'light');
    await dialog.getByRole('button', { name: 'Add to today' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rail = page.getByRole('complementary', { name: 'Stakeholders today' });
    await rail.getByText('Noah Fielding').waitFor();
    await page.getByRole('button', { name: 'Remove Noah Fielding from today' }).click();
    await poll(() => rail.getByText('Noah Fielding').count()).toBe(0);
  });

  it('finishing the session goes back to the sessions list', async () => {
    await page.getByRole('button', { name: 'Finish session' }).click();
    await page.getByRole('dialog', { name: 'Finish the session?' }).getByRole('button', { name: 'Finish session' }).click();
    await page.getByRole('heading', { name: /Finished sessions/ }).waitFor();
    expect(await page.getByRole('link', { name: account.name }).count()).toBeGreaterThan(0);
  });

  it('the detractor’s follow-up is in the queue, and its status changes there', async () => {
    await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
    const title = `Follow up with ${account.contacts[0]!.name} (detractor, NPS 3)`;
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain(VERBATIM_1);
    expect(await row.textContent()).toMatch(/First contact due in/);
    // The follow-up marked by shortcut is there too.
    await page.getByRole('button', { name: `Follow up with ${account.contacts[1]!.name}`, exact: true }).waitFor();
    await checkScreen(page, 'follow-up-queue', 'light');

    await row.getByRole('button', { name: /^Mark contacted/ }).click();
    await poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/Contacted$/);
    await row.getByRole('button', { name: /^Close/ }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Say how it ended before closing').waitFor();
    await dialog.getByRole('textbox', { name: /Outcome/ }).fill('Called the sponsor; agreed a support escalation path');
    await checkScreen(page, 'follow-up-dialog', 'light');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => page.getByRole('button', { name: title, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Closed', exact: true }).click();
    await page.getByRole('button', { name: title, exact: true }).waitFor();
  });

  it('the account page lists its open follow-ups', async () => {
    await go(page, `/accounts/${account.id}`);
    const section = page.getByRole('region', { name: /Open follow-ups/ });
    await section.waitFor();
    await section.getByRole('button', { name: `Follow up with ${account.contacts[1]!.name}`, exact: true }).waitFor();
    // The timeline's interview entry opens the interview's record.
    await page.getByRole('region', { name: /Timeline/ }).getByRole('link', { name: new RegExp(`interview with ${account.contacts[0]!.name}`) }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(account.contacts[0]!.name) }).waitFor();
    expect(page.url()).toMatch(/\/interviews\/record\//);
  });

  it('search finds a phrase, highlights it, and opens the interview', async () => {
    await go(page, '/interviews/search');
    await page.getByRole('searchbox', { name: 'Search text' }).fill('"support tickets waited"');
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('link').filter({ hasText: account.contacts[0]!.name });
    await hit.first().waitFor();
    expect(await hit.first().locator('mark').allTextContents()).toEqual(['support tickets waited']);
    await checkScreen(page, 'interviews-search', 'light');
    // Filters narrow the hits: the tagged driver and the detractor category keep it, promoters do not.
    await page.getByRole('combobox', { name: 'Driver' }).selectOption({ label: driver.name });
    await page.getByRole('combobox', { name: 'NPS category' }).selectOption('detractor');
    await poll(() => page.getByRole('status').filter({ hasText: /match/ }).textContent()).toBe('1 match');
    await page.getByRole('combobox', { name: 'NPS category' }).selectOption('promoter');
    await page.getByRole('heading', { name: /Nothing matches/ }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await hit.first().waitFor();
    await hit.first().click();
    await page.waitForURL(/#\/interviews\/record\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(account.contacts[0]!.name), level: 1 }).waitFor();
    await poll(() => page.locator('.record-verbatim').textContent()).toBe(`“${VERBATIM_1}”`);
    await page.locator('.record-answers').getByText('What is the one thing we should change?').waitFor();
    await checkScreen(page, 'interview-record', 'light');
  });

  it('Shift+Enter in the top bar search hands the words to full-text search', async () => {
    await go(page, '/interviews');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('partnership');
    await page.keyboard.press('Shift+Enter');
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search text' }).inputValue()).toBe('partnership');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').filter({ hasText: account.contacts[1]!.name }).first().waitFor();
  });

  it('guides: defaults ship; editing a guide with answers makes a new version', async () => {
    await go(page, '/interviews/guides');
    const link = page.getByRole('link', { name: 'Quarterly relationship interview', exact: true });
    await link.waitFor();
    expect(await page.getByText('Default', { exact: true }).count()).toBeGreaterThanOrEqual(4);
    await checkScreen(page, 'interview-guides', 'light');
    await link.click();
    await page.getByRole('heading', { name: 'Version 1' }).waitFor();
    await page.getByText(/saving changed questions creates version 2/).waitFor();
    await page.getByRole('combobox', { name: 'Add a question' }).selectOption('rating');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const last = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Question 6' }) });
    await last.getByRole('textbox', { name: 'Prompt' }).fill('How satisfied are you with our reporting?');
    await checkScreen(page, 'interview-guide-editor', 'light');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Version 2' }).waitFor();
    await page.getByText(/Saved as version 2/).waitFor();
  });

  it('a guide without a name or with a duplicate option says what to fix', async () => {
    await go(page, '/interviews/guides/new');
    await page.getByRole('heading', { name: 'New guide' }).waitFor();
    await page.getByRole('button', { name: /Save guide/ }).first().click();
    await page.getByText('Name is required').waitFor();
  });
});

describe('dark theme', () => {
  it('every new screen passes axe in dark too', async () => {
    const dark = await openApp(browser, app, { colorScheme: 'dark' });
    try {
      await dark.getByRole('grid', { name: /^Accounts/ }).waitFor();
      const sessions = await call<{ id: string }[]>('interviews.sessions', { status: 'all' });
      const screens: [string, string, () => Promise<unknown>][] = [
        ['/interviews', 'interviews-home', () => dark.getByRole('heading', { name: /Finished sessions/ }).waitFor()],
        ['/interviews/start', 'interviews-start', () => dark.getByRole('heading', { name: 'Start a session' }).waitFor()],
        [`/interviews/session/${sessions[0]!.id}`, 'interview-session', () => dark.locator('.interview-form__name').waitFor()],
        ['/interviews/follow-ups', 'follow-up-queue', () => dark.getByRole('group', { name: 'By owner' }).waitFor()],
        ['/interviews/guides', 'interview-guides', () => dark.getByRole('link', { name: 'Quarterly relationship interview', exact: true }).waitFor()],
      ];
      for (const [path, name, ready] of screens) {
        await go(dark, path);
        await ready();
        await checkScreen(dark, name, 'dark');
      }
      await go(dark, '/interviews/search');
      await dark.getByRole('searchbox', { name: 'Search text' }).fill('tickets');
      await dark.getByRole('list', { name: 'Search results' }).waitFor();
      await checkScreen(dark, 'interviews-search', 'dark');
      await dark.getByRole('list', { name: 'Search results' }).getByRole('link').first().click();
      await dark.waitForURL(/#\/interviews\/record\//);
      await dark.locator('.record-answers').waitFor();
      await checkScreen(dark, 'interview-record', 'dark');
    } finally {
      await dark.context().close();
    }
  });
});
