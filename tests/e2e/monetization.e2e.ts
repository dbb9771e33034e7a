import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AccountMetrics, MetricsDashboard, MetricsSimulation, Scenario, SnapshotComparison, SnapshotSummary } from '../../shared/contract/metrics';
import type { AccountListPage } from '../../shared/contract';
import { formatCount, formatFigure, formatMoneyValue, formatNps, formatRatio } from '../../renderer/monetization/figure-format';
import { expectAccessible, launchBrowser, openApp, saveScreenshot, startApp } from './harness';
import type { RunningApp } from './harness';

// Issue #3: the monetization dashboard and the account page's metrics, driven as a person would,
// with every headline number checked against the engine's own answer over HTTP for the same input.

const USD = { currency: 'USD', locale: 'en-US' };
const CARDS = ['nps', 'rw-nps', 'arr-at-risk', 'expected-loss', 'coverage', 'silent', 'nrr', 'grr'] as const;

let browser: Browser;
let app: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The engine, called over the HTTP API exactly as a script would. */
async function engine<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const payload = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!payload.ok) throw new Error(`${method} failed: ${JSON.stringify(payload.error)}`);
  return payload.value as T;
}

/** What each card must read for an engine answer, formatted from the raw figures (not through the card model). */
function expectedCards(d: MetricsDashboard): Record<(typeof CARDS)[number], string> {
  const h = d.headline;
  return {
    nps: formatNps(h.nps.value),
    'rw-nps': formatNps(h.revenueWeightedNps.value),
    'arr-at-risk': formatMoneyValue(h.arrAtRisk.value, USD, { compact: true }),
    'expected-loss': formatMoneyValue(h.expectedLossShortTerm.value, USD, { compact: true }),
    coverage: formatRatio(h.coverage.coverage.value, 'en-US'),
    silent: formatCount(h.silentAccounts.value, 'en-US'),
    nrr: formatRatio(h.nrr.value, 'en-US'),
    grr: formatRatio(h.grr.value, 'en-US'),
  };
}

async function shownCards(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of CARDS) {
    // The value's first text node: a "(no value)" note for screen readers may follow it.
    out[id] = await page.locator(`[data-card="${id}"] .headline-card__value`).evaluate((el) => el.firstChild?.textContent ?? '');
  }
  return out;
}

/** Waits until the dashboard shows `label` and no recompute is running. */
async function settled(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.getByTestId('monet-scope').textContent(), { timeout: 20_000 }).toContain(label);
  await expect.poll(() => page.locator('.monet-page').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Monetization/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Monetization' }).waitFor();
  await page.locator('[data-card="nps"]').waitFor();
}

async function dismissToasts(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 1000 }).catch(() => undefined);
}

async function scrollTo(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('monetization dashboard (demo workspace)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openApp(browser, app);
    await openDashboard(page);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('opens on the latest complete quarter and its headline numbers equal the engine’s', async () => {
    const expected = await engine<MetricsDashboard>('metrics.dashboard', {});
    await settled(page, expected.period.label);
    expect(await shownCards(page)).toEqual(expectedCards(expected));
    // An empty figure would show "—" with its reason; the demo has data for every headline figure.
    for (const value of Object.values(await shownCards(page))) expect(value).not.toBe('—');
    expect(await page.getByTestId('monet-scope').textContent()).toContain(`${expected.scope.activeAccounts} of ${expected.scope.accounts} accounts active`);
    await page.getByRole('img', { name: /^NPS by quarter/ }).waitFor();
    await page.getByRole('img', { name: /^Drivers ranked by attributed ARR at risk/ }).waitFor();
    await page.getByRole('img', { name: /^NPS .* built up from/ }).waitFor();
    await expectAccessible(page, 'monetization dashboard (light)');
    await saveScreenshot(page, 'monetization-dashboard');
  });

  it('changing the period and a filter sends them to the engine and the numbers follow', async () => {
    const before = await shownCards(page);
    // Another quarter: the one before the default.
    const quarter = page.getByRole('combobox', { name: 'Quarter' });
    const options = await quarter.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    const current = await quarter.inputValue();
    const other = options[options.indexOf(current) + 1]!;
    const [year, q] = other.split('-Q').map(Number) as [number, number];
    await quarter.selectOption(other);
    const byQuarter = await engine<MetricsDashboard>('metrics.dashboard', { period: { kind: 'quarter', year, quarter: q } });
    await settled(page, byQuarter.period.label);
    const quarterCards = await shownCards(page);
    expect(quarterCards).toEqual(expectedCards(byQuarter));
    expect(quarterCards).not.toEqual(before);

    // A filter on top of that period.
    await page.getByRole('combobox', { name: 'Tier' }).selectOption('Enterprise');
    const filtered = await engine<MetricsDashboard>('metrics.dashboard', { period: { kind: 'quarter', year, quarter: q }, filters: { tier: 'Enterprise' } });
    await settled(page, `${filtered.scope.activeAccounts} of ${filtered.scope.accounts} accounts active`);
    expect(await shownCards(page)).toEqual(expectedCards(filtered));
    expect(filtered.scope.accounts).toBeLessThan(byQuarter.scope.accounts);
    await saveScreenshot(page, 'monetization-filtered');

    // Trailing twelve months to a chosen day, still filtered.
    await page.getByRole('radio', { name: 'Trailing 12 months' }).check();
    await page.locator('input[type="date"]').fill('2026-06-30');
    const trailing = await engine<MetricsDashboard>('metrics.dashboard', { period: { kind: 'trailing12', endDate: '2026-06-30' }, filters: { tier: 'Enterprise' } });
    await settled(page, trailing.period.label);
    expect(await shownCards(page)).toEqual(expectedCards(trailing));

    // Back to the default view for the next tests.
    await page.getByRole('button', { name: /Clear filter/ }).click();
    await page.getByRole('radio', { name: 'Quarter' }).check();
    await quarter.selectOption(current);
    const back = await engine<MetricsDashboard>('metrics.dashboard', {});
    await settled(page, `${back.period.label} · ${back.scope.activeAccounts} of ${back.scope.accounts}`);
    expect(await shownCards(page)).toEqual(expectedCards(back));
  });

  it('a card opens its explanation: formula, inputs and the rule the engine applied', async () => {
    const d = await engine<MetricsDashboard>('metrics.dashboard', {});
    const card = page.locator('[data-card="arr-at-risk"]');
    await card.click();
    const dialog = page.getByRole('dialog', { name: 'ARR at risk' });
    await dialog.waitFor();
    // Exact: the formulas use Σ, which a case-insensitive match lowercases away.
    expect(await dialog.getByText(d.headline.arrAtRisk.formula, { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText(d.headline.arrAtRisk.rule!, { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByRole('row', { name: /Accounts at risk/ }).textContent()).toContain(String(d.headline.arrAtRisk.inputs['accountsAtRisk']));
    expect(await dialog.getByText(formatFigure(d.headline.arrAtRisk, USD), { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'explanation dialog (light)');
    await saveScreenshot(page, 'monetization-explanation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('keyboard only: Tab reaches a card and Enter opens its explanation', async () => {
    await page.locator('.monet-header h1').click();
    let onCard = false;
    for (let i = 0; i < 40 && !onCard; i++) {
      await page.keyboard.press('Tab');
      onCard = await page.evaluate(() => document.activeElement?.getAttribute('data-card') === 'nps');
    }
    expect(onCard).toBe(true);
    // The focus ring is visible where the keyboard is.
    expect(await page.locator('[data-card="nps"]').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'NPS' });
    await dialog.waitFor();
    expect(await dialog.getByText('100 × (P − D) / N', { exact: true }).first().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-card'))).toBe('nps');
  });

  it('the simulator shows revenue and NPS before and after, as the engine does, and saves the scenario', async () => {
    await scrollTo(page, '.simulator');
    await page.getByRole('textbox', { name: 'Share of scored ARR (%)' }).fill('1');
    await page.getByRole('combobox', { name: 'From' }).selectOption('detractor');
    await page.getByRole('combobox', { name: 'To', exact: true }).selectOption('promoter');
    await page.getByRole('button', { name: 'Add move' }).click();
    const moves = [{ kind: 'share', from: 'detractor', to: 'promoter', shareOfScoredArr: 0.01 }];
    const sim = await engine<MetricsSimulation>('metrics.simulate', { moves });
    await expect.poll(() => page.locator('[data-sim="revenue-change"]').textContent().catch(() => null), { timeout: 20_000 }).toBe(formatFigure(sim.result.expectedRevenueChange, USD, { plus: true }));
    expect(await page.locator('[data-sim="nps-change"]').textContent()).toBe(`${formatFigure(sim.result.revenueWeightedNpsChange, USD, { plus: true })} pts`);
    const table = page.getByRole('table', { name: 'Simulation: before, after and change' });
    const revenueRow = table.getByRole('row', { name: /Expected revenue/ });
    expect(await revenueRow.textContent()).toContain(formatFigure(sim.result.before.expectedRevenue, USD));
    expect(await revenueRow.textContent()).toContain(formatFigure(sim.result.after.expectedRevenue, USD));

    // A named account too: the largest by ARR, moved to promoter.
    await page.getByRole('radio', { name: 'Named accounts' }).check();
    const top = (await engine<AccountListPage>('accounts.list', { sort: 'arr', direction: 'desc', limit: 1 })).rows[0]!;
    await page.getByRole('checkbox', { name: new RegExp(top.name) }).check();
    await page.getByRole('button', { name: 'Add move (1)' }).click();
    const both = await engine<MetricsSimulation>('metrics.simulate', { moves: [...moves, { kind: 'accounts', accountIds: [top.id], to: 'promoter' }] });
    await expect.poll(() => page.locator('[data-sim="revenue-change"]').textContent(), { timeout: 20_000 }).toBe(formatFigure(both.result.expectedRevenueChange, USD, { plus: true }));
    expect(await page.getByRole('listitem').filter({ hasText: `${top.name} → Promoter` }).count()).toBe(1);

    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Lift detractors and keep the largest account');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByRole('cell', { name: 'Lift detractors and keep the largest account' }).waitFor();
    const saved = await engine<Scenario[]>('metrics.scenarios.list', {});
    const mine = saved.find((s) => s.name === 'Lift detractors and keep the largest account')!;
    expect(mine.moves).toHaveLength(2);
    expect(mine.result?.expectedRevenueChange.value).toBe(both.result.expectedRevenueChange.value);
    await dismissToasts(page);
    await scrollTo(page, '.simulator');
    await expectAccessible(page, 'simulator (light)');
    await saveScreenshot(page, 'monetization-simulator');
  });

  it('freezes a quarter and compares it with what happened next quarter', async () => {
    await scrollTo(page, '.snapshots');
    const freeze = page.getByRole('button', { name: /^Freeze / });
    const label = ((await freeze.textContent()) ?? '').replace('Freeze ', '').trim();
    await freeze.click();
    const row = page.locator('.snapshot').filter({ hasText: label }).first();
    await row.waitFor();
    await row.getByRole('button', { name: 'Compare with next quarter' }).click();
    const region = page.getByRole('region', { name: new RegExp(`^${label} against`) });
    await region.waitFor();
    await row.getByRole('combobox', { name: 'Scenario to replay on it' }).selectOption({ label: 'Lift detractors and keep the largest account' });
    await region.getByRole('columnheader', { name: 'Scenario' }).waitFor();
    await row.getByRole('button', { name: 'Hide comparison' }).click();

    // A quarter whose next quarter is over: the actual side is filled and the difference is the engine's.
    const d = await engine<MetricsDashboard>('metrics.dashboard', {});
    const previous = d.period.quarter === 1 ? { year: d.period.fiscalYear! - 1, quarter: 4 } : { year: d.period.fiscalYear!, quarter: d.period.quarter! - 1 };
    const frozen = await engine<SnapshotSummary>('metrics.snapshots.freeze', { quarter: previous });
    const comparison = await engine<SnapshotComparison>('metrics.snapshots.compare', { snapshotId: frozen.id });
    expect(comparison.nextPeriodComplete).toBe(true);
    // The list follows the core's change event.
    const earlier = page.locator('.snapshot').filter({ hasText: frozen.label }).first();
    await earlier.waitFor({ timeout: 20_000 });
    await earlier.getByRole('button', { name: 'Compare with next quarter' }).click();
    const done = page.getByRole('region', { name: new RegExp(`^${frozen.label} against`) });
    await done.waitFor();
    expect(await done.getByRole('row', { name: /Actual − expected revenue/ }).textContent()).toContain(formatFigure(comparison.differences.actualVsExpectedRevenue, USD, { plus: true }));
    expect(await done.getByRole('row', { name: /^Revenue/ }).first().textContent()).toContain(formatFigure(comparison.actual.revenue, USD));
    await dismissToasts(page);
    await scrollTo(page, '.snapshot-list');
    await expectAccessible(page, 'snapshots (light)');
    await saveScreenshot(page, 'monetization-snapshots');
  });

  it('the account page shows the account’s own metrics, as the engine computes them', async () => {
    const top = (await engine<AccountListPage>('accounts.list', { sort: 'arr', direction: 'desc', limit: 1 })).rows[0]!;
    const m = await engine<AccountMetrics>('metrics.account', { accountId: top.id });
    await page.evaluate((id) => {
      window.location.hash = `#/accounts/${id}`;
    }, top.id);
    const section = page.getByRole('region', { name: /Experience and revenue/ });
    await section.waitFor();
    const weighted = section.locator('.account-metrics__score').filter({ hasText: 'Weighted' }).locator('.account-metrics__score-value');
    await expect.poll(() => weighted.textContent()).toBe(formatFigure(m.scores.weighted.score, USD));
    expect(await section.getByText(m.atRisk.rule).isVisible()).toBe(true);
    await section.getByRole('img', { name: /score/ }).waitFor();
    await weighted.click();
    await page.getByRole('dialog', { name: /Weighted score of/ }).waitFor();
    await page.keyboard.press('Escape');
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'account metrics (light)');
    await saveScreenshot(page, 'account-metrics');
  });
});

describe('monetization in the dark theme', () => {
  it('passes axe and reads well, dashboard and explanation', async () => {
    const dark = await openApp(browser, app, { colorScheme: 'dark' });
    try {
      await openDashboard(dark);
      const d = await engine<MetricsDashboard>('metrics.dashboard', {});
      await settled(dark, d.period.label);
      await dark.getByRole('img', { name: /^NPS by quarter/ }).waitFor();
      await expectAccessible(dark, 'monetization dashboard (dark)');
      await saveScreenshot(dark, 'monetization-dashboard-dark');
      await dark.locator('[data-card="expected-loss"]').click();
      await dark.getByRole('dialog', { name: 'Expected revenue loss' }).waitFor();
      await expectAccessible(dark, 'explanation dialog (dark)');
      await saveScreenshot(dark, 'monetization-explanation-dark');
      await dark.keyboard.press('Escape');
      await scrollTo(dark, '.simulator');
      await dark.getByRole('button', { name: 'Add move' }).click();
      await dark.locator('[data-sim="revenue-change"]').waitFor();
      await expectAccessible(dark, 'simulator (dark)');
      await saveScreenshot(dark, 'monetization-simulator-dark');
    } finally {
      await dark.context().close();
    }
  });
});

describe('monetization while the engine is slow', () => {
  it('shows skeletons first, then keeps the figures readable under a progress line while a recompute runs', async () => {
    const slow = await openApp(browser, app);
    try {
      // Every dashboard answer arrives 1.5 s late, as on a big workspace.
      await slow.route('**/api/call/metrics.dashboard', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await slow.getByRole('link', { name: /Monetization/ }).click();
      await slow.getByRole('heading', { level: 1, name: 'Monetization' }).waitFor();
      expect(await slow.locator('.headline-card--skeleton').count()).toBe(8);
      await saveScreenshot(slow, 'monetization-loading');
      await slow.locator('[data-card="nps"]').waitFor();
      const before = await shownCards(slow);

      await slow.getByRole('combobox', { name: 'Region' }).selectOption('EMEA');
      await slow.locator('.monet-progress--on').waitFor();
      // The previous figures stay on screen, and the period controls stay usable, while the engine works.
      expect(await shownCards(slow)).toEqual(before);
      expect(await slow.getByRole('combobox', { name: 'Tier' }).isEnabled()).toBe(true);
      const filtered = await engine<MetricsDashboard>('metrics.dashboard', { filters: { region: 'EMEA' } });
      await expect.poll(() => slow.locator('.monet-progress--on').count(), { timeout: 20_000 }).toBe(0);
      expect(await shownCards(slow)).toEqual(expectedCards(filtered));
    } finally {
      await slow.context().close();
    }
  });
});
