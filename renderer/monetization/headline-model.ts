/**
 * The eight headline cards of the dashboard, from the engine's answer. Pure: what each card says
 * and which figures its explanation opens. The renderer formats; it never computes a metric.
 */
import type { MetricsDashboard } from '../../shared/contract/metrics';
import type { AccountNpsMethod } from '../../shared/domain/metrics-types';
import { formatFigure, formatInterval, formatRatio, NONE } from './figure-format';
import type { FormatContext } from './figure-format';
import type { Explanation } from './explanation';

export type CardTone = 'neutral' | 'good' | 'warning' | 'risk';

export interface HeadlineCard {
  id: 'nps' | 'rw-nps' | 'arr-at-risk' | 'expected-loss' | 'coverage' | 'silent' | 'nrr' | 'grr';
  label: string;
  value: string;
  /** The second line: interval and sample, target, horizon… or, for an empty figure, why it is empty. */
  detail: string;
  tone: CardTone;
  /** The value is "—": the detail says why. */
  empty: boolean;
  explanation: Explanation;
}

export const METHOD_NAMES: Record<AccountNpsMethod, string> = {
  'count-all': 'Count-all',
  average: 'Average',
  waterfall: 'Waterfall',
  weighted: 'Weighted',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export function headlineCards(d: MetricsDashboard, ctx: FormatContext): HeadlineCard[] {
  const h = d.headline;
  const money = (figure: typeof h.arrAtRisk) => formatFigure(figure, ctx, { compact: true });
  const why = (reason: string | undefined) => reason ?? 'no data in this selection';
  const period = d.period.label;

  const npsValue = formatFigure(h.nps, ctx);
  const responses = h.responses.value ?? 0;
  const atRiskAccounts = num(h.arrAtRisk.inputs['accountsAtRisk']);
  const silentCount = h.silentAccounts.value;
  const cohort = num(h.nrr.inputs['cohortAccounts']);
  const method = METHOD_NAMES[d.methodPanel.headlineMethod];
  const coverage = h.coverage;
  const target = formatRatio(coverage.target, ctx.locale, { digits: 0 });

  const cards: HeadlineCard[] = [
    {
      id: 'nps',
      label: 'NPS',
      value: npsValue,
      detail: h.nps.value === null ? why(h.nps.nullReason) : `95% interval ${formatInterval(h.interval95, ctx)} · n = ${responses}`,
      tone: 'neutral',
      empty: h.nps.value === null,
      explanation: {
        title: 'NPS',
        lead: `Every valid response in ${period} from the selected active accounts counts once. The interval shows how far a sample this size can wander.`,
        figures: [
          { label: 'NPS', figure: h.nps },
          { label: '95% interval', figure: h.interval95 },
          { label: 'Responses (n)', figure: h.responses },
        ],
      },
    },
    {
      id: 'rw-nps',
      label: 'Revenue-weighted NPS',
      value: formatFigure(h.revenueWeightedNps, ctx),
      detail: h.revenueWeightedNps.value === null ? why(h.revenueWeightedNps.nullReason) : `${method} account NPS ${formatFigure(h.portfolioNps, ctx)}`,
      tone: 'neutral',
      empty: h.revenueWeightedNps.value === null,
      explanation: {
        title: 'Revenue-weighted NPS',
        lead: `Accounts weigh by their ARR, with the categories of the headline method (${method.toLowerCase()}).`,
        figures: [
          { label: 'Revenue-weighted NPS', figure: h.revenueWeightedNps },
          { label: `Account NPS (${method.toLowerCase()})`, figure: h.portfolioNps },
        ],
      },
    },
    {
      id: 'arr-at-risk',
      label: 'ARR at risk',
      value: money(h.arrAtRisk),
      detail: h.arrAtRisk.value === null ? why(h.arrAtRisk.nullReason) : `${atRiskAccounts === null ? '' : plural(atRiskAccounts, 'account', 'accounts') + ' · '}${h.arrAtRisk.rule ?? ''}`,
      tone: (h.arrAtRisk.value ?? 0) > 0 ? 'risk' : 'neutral',
      empty: h.arrAtRisk.value === null,
      explanation: {
        title: 'ARR at risk',
        lead: 'Hard figure: the ARR of accounts in the at-risk state under the workspace rule. Not a forecast.',
        figures: [{ label: 'ARR at risk', figure: h.arrAtRisk }],
      },
    },
    {
      id: 'expected-loss',
      label: 'Expected loss (model)',
      value: money(h.expectedLossShortTerm),
      detail:
        h.expectedLossShortTerm.value === null
          ? why(h.expectedLossShortTerm.nullReason)
          : `within ${d.settings.churnHorizonDays.detractor} days · ${money(h.expectedLossLongTerm)} more within ${d.settings.churnHorizonDays.passive} days`,
      tone: 'warning',
      empty: h.expectedLossShortTerm.value === null,
      explanation: {
        title: 'Expected revenue loss',
        lead: 'The product’s model: ARR times the churn probability of its category (workspace assumptions, not observed churn).',
        figures: [
          { label: `Short term (${d.settings.churnHorizonDays.detractor} days)`, figure: h.expectedLossShortTerm },
          { label: `Long term (${d.settings.churnHorizonDays.passive} days)`, figure: h.expectedLossLongTerm },
          { label: 'Potential growth from promoters', figure: h.potentialGrowth },
        ],
      },
    },
    {
      id: 'coverage',
      label: 'Revenue coverage',
      value: formatFigure(coverage.coverage, ctx),
      detail:
        coverage.coverage.value === null
          ? why(coverage.coverage.nullReason)
          : `target ${target} · ${coverage.meetsTarget ? 'meets target' : 'below target'}`,
      tone: coverage.meetsTarget === false ? 'warning' : coverage.meetsTarget ? 'good' : 'neutral',
      empty: coverage.coverage.value === null,
      explanation: {
        title: 'Revenue coverage',
        lead: `Share of active ARR whose accounts answered at least once in ${period}, against the ${target} target.`,
        figures: [{ label: 'Revenue coverage', figure: coverage.coverage }],
      },
    },
    {
      id: 'silent',
      label: 'Silent accounts',
      value: formatFigure(h.silentAccounts, ctx),
      detail:
        silentCount === null
          ? why(h.silentAccounts.nullReason)
          : `${formatFigure(h.silentArr, ctx, { compact: true })} ARR · no word for ${d.settings.silenceDays}+ days`,
      tone: (silentCount ?? 0) > 0 ? 'warning' : 'neutral',
      empty: silentCount === null,
      explanation: {
        title: 'Silent accounts',
        lead: 'Silence is a risk signal in its own right: active accounts with no response and no interview for too long.',
        figures: [
          { label: 'Silent accounts', figure: h.silentAccounts },
          { label: 'Their ARR', figure: h.silentArr },
        ],
      },
    },
    {
      id: 'nrr',
      label: 'NRR',
      value: formatFigure(h.nrr, ctx),
      detail: h.nrr.value === null ? why(h.nrr.nullReason) : `trailing 12 months${cohort === null ? '' : ` · ${plural(cohort, 'account', 'accounts')}`}`,
      tone: 'neutral',
      empty: h.nrr.value === null,
      explanation: {
        title: 'Net revenue retention',
        lead: `ARR at the end of ${period} over ARR twelve months earlier, for the accounts that had ARR then (new accounts excluded).`,
        figures: [{ label: 'NRR', figure: h.nrr }],
      },
    },
    {
      id: 'grr',
      label: 'GRR',
      value: formatFigure(h.grr, ctx),
      detail: h.grr.value === null ? why(h.grr.nullReason) : 'expansion not counted',
      tone: 'neutral',
      empty: h.grr.value === null,
      explanation: {
        title: 'Gross revenue retention',
        lead: 'Like NRR, but each account counts at most its starting ARR: only churn and contraction show.',
        figures: [{ label: 'GRR', figure: h.grr }],
      },
    },
  ];
  return cards.map((card) => (card.value === NONE ? { ...card, empty: true } : card));
}
