import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, openApp, saveScreenshot, startApp } from './harness';
import type { RunningApp } from './harness';

// Foundation (issue #2): the shell, the accounts table, the account form and page, settings,
// and the screens shown before a workspace opens, driven as a person would in browser mode.

const ARR_ERROR = 'Enter ARR as an amount, e.g. 250000 or 250000.50';
const SCHEMES = ['light', 'dark'] as const;

let browser: Browser;
const apps: RunningApp[] = [];

async function start(options?: Parameters<typeof startApp>[0]): Promise<RunningApp> {
  const app = await startApp(options);
  apps.push(app);
  return app;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(apps.map((app) => app.stop()));
});

/** Axe and a screenshot of the screen as it is now; dark screenshots carry a "-dark" suffix. */
async function checkScreen(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  await expectAccessible(page, `${name} (${scheme})`);
  // Notifications from earlier steps would cover the screen in the screenshot.
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 1000 }).catch(() => undefined);
  await saveScreenshot(page, scheme === 'light' ? name : `${name}-dark`);
}

function accountsGrid(page: Page) {
  return page.getByRole('grid', { name: /^Accounts/ });
}

async function accountCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /accounts?$/ });
  await expect.poll(async () => /^\d[\d,]* (of \d[\d,]* )?accounts?$/.test((await status.textContent()) ?? '')).toBe(true);
  const text = (await status.textContent())!;
  return Number(text.split(' ')[0]!.replace(/,/g, ''));
}

/** The name cell of the body row at `index` (0-based); the header row is aria-rowindex 1. */
function rowAt(page: Page, index: number) {
  return accountsGrid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`);
}

describe('accounts in the demo workspace', () => {
  let app: RunningApp;
  let page: Page;
  const startupProblems: string[] = [];

  beforeAll(async () => {
    app = await start();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') startupProblems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => startupProblems.push(`uncaught: ${error.message}`));
    await page.goto(app.url);
    await accountsGrid(page).waitFor();
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('first start opens the demo workspace with about sixty accounts', async () => {
    await expect.poll(() => page.getByRole('button', { name: /Workspace: .*Switch workspace/ }).count()).toBe(1);
    const total = await accountCount(page);
    expect(total).toBeGreaterThanOrEqual(50);
    expect(total).toBeLessThanOrEqual(80);
    expect(await accountsGrid(page).getAttribute('aria-rowcount')).toBe(String(total + 1));
    await expect.poll(() => rowAt(page, 0).getByRole('gridcell').first().textContent()).not.toBe('');
    // The header sorts by name, ascending, at first.
    expect(await page.getByRole('columnheader', { name: /Account/ }).getAttribute('aria-sort')).toBe('ascending');
    await checkScreen(page, 'accounts-table', 'light');
  });

  it('starts without console errors, warnings or CSP violations', async () => {
    await expect.poll(() => rowAt(page, 0).getByRole('gridcell').first().textContent()).not.toBe('');
    expect(startupProblems).toEqual([]);
  });

  it('sorting by ARR puts the largest account first', async () => {
    await page.getByRole('button', { name: 'ARR', exact: true }).click();
    expect(await page.getByRole('columnheader', { name: /ARR/ }).getAttribute('aria-sort')).toBe('descending');
    const amount = async (i: number) => Number(((await rowAt(page, i).getByRole('gridcell').nth(5).textContent()) ?? '').replace(/[^\d.]/g, ''));
    await expect.poll(async () => (await amount(0)) >= (await amount(1))).toBe(true);
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    expect(await page.getByRole('columnheader', { name: /Account/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('typing in search filters the table, and a search without match says so', async () => {
    const total = await accountCount(page);
    const firstName = (await rowAt(page, 0).getByRole('gridcell').first().textContent())!.trim();
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await page.keyboard.press('Control+k');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill(firstName);
    await expect.poll(() => accountCount(page)).toBeLessThan(total);
    await expect.poll(() => rowAt(page, 0).getByRole('gridcell').first().textContent()).toBe(firstName);
    expect(await page.getByRole('status').filter({ hasText: /accounts?$/ }).textContent()).toMatch(new RegExp(`of ${total} accounts`));

    await search.fill('zz-no-such-account-zz');
    await page.getByRole('heading', { name: /No accounts match/ }).waitFor();
    await page.getByRole('button', { name: 'Show all accounts' }).click();
    await expect.poll(() => accountCount(page)).toBe(total);
    expect(await search.inputValue()).toBe('');
  });

  it('keyboard: arrow keys and Enter open an account, Escape comes back to the same row', async () => {
    await accountsGrid(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = rowAt(page, 2);
    expect(await third.getAttribute('aria-selected')).toBe('true');
    expect(await accountsGrid(page).getAttribute('aria-activedescendant')).toBe(await third.getAttribute('id'));
    const name = (await third.getByRole('gridcell').first().textContent())!.trim();

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('table', { name: `Contacts at ${name}` }).waitFor();
    await page.getByRole('img', { name: /ARR/ }).waitFor();
    await checkScreen(page, 'account-page', 'light');

    await page.keyboard.press('Escape');
    await accountsGrid(page).waitFor();
    expect(new URL(page.url()).hash).toBe('#/accounts');
    // The list kept its place: the same row is active and the grid has the keyboard again.
    await expect.poll(() => rowAt(page, 2).getAttribute('aria-selected')).toBe('true');
    expect(await accountsGrid(page).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('an ARR that is not an amount shows the field error and saves nothing', async () => {
    const total = await accountCount(page);
    await accountsGrid(page).focus();
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Quillfeather Invalid ARR Ltd');
    const arr = dialog.getByLabel('ARR (USD)');

    for (const bad of ['12abc', '-5']) {
      await arr.fill(bad);
      await dialog.getByRole('button', { name: 'Create account' }).click();
      await dialog.getByText(ARR_ERROR).waitFor();
      expect(await arr.getAttribute('aria-invalid')).toBe('true');
      // The message is announced with the field.
      const describedBy = (await arr.getAttribute('aria-describedby'))!.split(' ');
      const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(messages).toContain(ARR_ERROR);
      expect(await dialog.isVisible()).toBe(true);
    }
    // The keyboard is on the field to fix.
    expect(await arr.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkScreen(page, 'account-form-errors', 'light');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await accountCount(page)).toBe(total);
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('Quillfeather');
    await page.getByRole('heading', { name: /No accounts match/ }).waitFor();
    await page.getByRole('button', { name: 'Show all accounts' }).click();
    await expect.poll(() => accountCount(page)).toBe(total);
  });

  it('creates an account with two contacts that are still there after a reload', async () => {
    const total = await accountCount(page);
    await page.getByRole('button', { name: /New account/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.getByLabel('Name').fill('Zephyrine Analytics GmbH');
    await dialog.getByLabel('ARR (USD)').fill('250,000.50');
    await dialog.getByLabel('Tier').selectOption('Enterprise');
    await dialog.getByLabel('Industry').fill('Software');
    await dialog.getByLabel('Region').fill('EMEA');
    await dialog.getByLabel('Renewal date').fill('2027-03-31');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { level: 1, name: 'Zephyrine Analytics GmbH' }).waitFor();
    expect(await page.getByText(/^\$250,000\.50?$/).first().isVisible()).toBe(true);

    const people = [
      { name: 'Ingrid Solberg', email: 'ingrid.solberg@zephyrine.example', title: 'Chief Operating Officer', role: 'Decision maker', level: 'Executive' },
      { name: 'Tomás Herrera', email: 'tomas.herrera@zephyrine.example', title: 'Support Lead', role: 'User', level: 'Frontline' },
    ];
    for (const person of people) {
      await page.getByRole('button', { name: 'Add contact' }).click();
      const form = page.getByRole('dialog', { name: 'Add contact' });
      await form.getByLabel('Name').fill(person.name);
      await form.getByLabel('Title').fill(person.title);
      await form.getByLabel('Email').fill(person.email);
      await form.getByLabel('Role').selectOption({ label: person.role });
      await form.getByLabel('Level').selectOption({ label: person.level });
      await form.getByRole('button', { name: 'Add contact' }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: person.name, exact: true }).waitFor();
    }

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Zephyrine Analytics GmbH' }).waitFor();
    const contacts = page.getByRole('table', { name: 'Contacts at Zephyrine Analytics GmbH' });
    for (const person of people) {
      const row = contacts.getByRole('row').filter({ hasText: person.name });
      await row.waitFor();
      expect(await row.textContent()).toContain(person.email);
      expect(await row.textContent()).toContain(person.role);
    }

    await page.getByRole('link', { name: 'Accounts' }).first().click();
    await expect.poll(() => accountCount(page)).toBe(total + 1);
  });

  it('deleting a contact can be undone with Ctrl+Z', async () => {
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('Zephyrine');
    await expect.poll(() => accountCount(page)).toBe(1);
    await rowAt(page, 0).click();
    await page.getByRole('heading', { level: 1, name: 'Zephyrine Analytics GmbH' }).waitFor();
    await page.getByRole('button', { name: 'Remove Tomás Herrera' }).click();
    await page.getByText('Removed Tomás Herrera').waitFor();
    await page.getByRole('cell', { name: 'Tomás Herrera', exact: true }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await page.getByRole('cell', { name: 'Tomás Herrera', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('');
  });

  it('settings shows the file and its backups; Ctrl+3 shows an honest empty area', async () => {
    await page.keyboard.press('Control+8');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const name = page.getByLabel('Workspace name');
    expect(await name.inputValue()).toBe('Demo workspace');
    // The core's validation message lands next to the field.
    await name.fill('   ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Name is required').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await name.fill('Demo workspace – Q3 review');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('button', { name: /Workspace: Demo workspace – Q3 review/ }).waitFor();
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup saved').waitFor();
    await page.getByRole('table', { name: 'Backups of this workspace' }).getByText('Backed up by hand').waitFor();
    await checkScreen(page, 'settings', 'light');

    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { level: 1, name: 'Journeys' }).waitFor();
    await page.getByRole('heading', { name: 'What Journeys will do' }).waitFor();
    await checkScreen(page, 'area-upcoming', 'light');
  });

  it('every screen passes axe in the dark theme too', async () => {
    const dark = await openApp(browser, app, { colorScheme: 'dark' });
    try {
      await accountsGrid(dark).waitFor();
      await expect.poll(() => rowAt(dark, 0).getByRole('gridcell').first().textContent()).not.toBe('');
      await checkScreen(dark, 'accounts-table', 'dark');

      await accountsGrid(dark).focus();
      await dark.keyboard.press('ArrowDown');
      await dark.keyboard.press('Enter');
      await dark.getByRole('img', { name: /ARR/ }).waitFor();
      await checkScreen(dark, 'account-page', 'dark');

      await dark.getByRole('button', { name: 'Edit', exact: true }).click();
      const dialog = dark.getByRole('dialog', { name: /^Edit / });
      await dialog.getByLabel('ARR (USD)').fill('12abc');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByText(ARR_ERROR).waitFor();
      await checkScreen(dark, 'account-form-errors', 'dark');
      await dark.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await dark.keyboard.press('Control+8');
      await dark.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await dark.getByRole('table', { name: 'Backups of this workspace' }).waitFor();
      await checkScreen(dark, 'settings', 'dark');

      await dark.keyboard.press('Control+3');
      await dark.getByRole('heading', { level: 1, name: 'Journeys' }).waitFor();
      await checkScreen(dark, 'area-upcoming', 'dark');
    } finally {
      await dark.context().close();
    }
  });
  it('the workspace switcher creates a new workspace and switches back to a recent one', async () => {
    await page.keyboard.press('Control+1');
    await accountsGrid(page).waitFor();
    const total = await accountCount(page);
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('button', { name: 'New workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Workspace name').fill('Acme QBR prep');
    await dialog.getByLabel('Currency').fill('GBP');
    await dialog.getByLabel('Locale').selectOption('en-GB');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    expect(await page.getByRole('button', { name: /Workspace: Acme QBR prep/ }).count()).toBe(1);

    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await page.getByRole('button', { name: /^Demo workspace/ }).click();
    await accountsGrid(page).waitFor();
    await expect.poll(() => accountCount(page)).toBe(total);
  });
});

describe('before a workspace is open', () => {
  it('first start without demo data shows the welcome screen, which creates a workspace', async () => {
    const app = await start({ demo: false });
    for (const scheme of SCHEMES) {
      const page = await openApp(browser, app, { colorScheme: scheme });
      try {
        await page.getByRole('heading', { level: 1, name: 'Welcome to AX Workbench' }).waitFor();
        await page.getByText(/No workspaces yet/).waitFor();
        await checkScreen(page, 'welcome', scheme);
        if (scheme === 'dark') {
          await page.getByLabel('Workspace name').fill('Northwind renewal review');
          await page.getByLabel('Currency').fill('EUR');
          await page.getByLabel('Locale').selectOption('de-DE');
          await page.getByLabel('Fill with demo data').uncheck();
          await page.getByRole('button', { name: 'Create workspace' }).click();
          await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
          expect(await page.getByRole('button', { name: /Workspace: Northwind renewal review/ }).count()).toBe(1);
          await checkScreen(page, 'accounts-empty', 'dark');
        }
      } finally {
        await page.context().close();
      }
    }
  });

  it('a damaged workspace shows the recovery screen, and a backup opens from it', async () => {
    // A demo workspace, backed up at start, then damaged while the app is stopped.
    const first = await start();
    const dataDir = first.dataDir;
    const probe = await openApp(browser, first);
    await accountsGrid(probe).waitFor();
    await probe.keyboard.press('Control+8');
    await probe.getByRole('button', { name: 'Back up now' }).click();
    await probe.getByText('Backup saved').waitFor();
    await probe.context().close();
    await first.stop();
    const file = path.join(dataDir, 'workspaces', 'Demo workspace.axw');
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    fs.closeSync(handle);

    const app = await start({ dataDir });
    for (const scheme of SCHEMES) {
      const page = await openApp(browser, app, { colorScheme: scheme });
      try {
        await page.getByRole('heading', { level: 1, name: 'This workspace could not be opened' }).waitFor();
        await page.getByText('Demo workspace.axw').first().waitFor();
        await page.getByRole('table', { name: 'Backups of this workspace' }).waitFor();
        await checkScreen(page, 'recovery', scheme);
        if (scheme === 'dark') {
          await page.getByRole('button', { name: 'Open this backup' }).first().click();
          await accountsGrid(page).waitFor();
          expect(await accountCount(page)).toBeGreaterThanOrEqual(50);
        }
      } finally {
        await page.context().close();
      }
    }
  });
});
