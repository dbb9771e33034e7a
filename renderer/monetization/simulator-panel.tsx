import { useId, useMemo, useState } from 'react';
import type { MetricsFilters, MetricsPeriodInput, SimulatorMoveInput } from '../../shared/contract/metrics';
import { NPS_CATEGORIES } from '../../shared/domain/metrics-types';
import type { ArrByCategory, NpsCategory, SimulationResult } from '../../shared/domain/metrics-types';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { useDebounced } from '../accounts/use-debounced';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { NpsChip } from '../components/nps-chip';
import { showToast } from '../state/toast-store';
import { ExplainButton } from './explain-context';
import { formatFigure, formatMoneyValue } from './figure-format';
import type { FormatContext } from './figure-format';
import { Panel } from './panel';
import { CATEGORY_LABELS, describeMove, parseSharePercent, shareMove } from './simulator-model';

type Mode = 'share' | 'accounts';

function CategorySelect({ label, value, onChange }: { label: string; value: NpsCategory; onChange: (c: NpsCategory) => void }) {
  return (
    <label className="sim-field">
      <span>{label}</span>
      <select className="select select--compact" value={value} onChange={(e) => onChange(e.target.value as NpsCategory)}>
        {NPS_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ShareMoveForm({ onAdd, arrByCategory }: { onAdd: (move: SimulatorMoveInput) => void; arrByCategory: ArrByCategory }) {
  const fmt = useFormat();
  const [from, setFrom] = useState<NpsCategory>('detractor');
  const [to, setTo] = useState<NpsCategory>('passive');
  const [percent, setPercent] = useState('1');
  const scored = arrByCategory.promoter + arrByCategory.passive + arrByCategory.detractor;
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const add = () => {
    const parsed = parseSharePercent(percent);
    if ('error' in parsed) return setError(parsed.error);
    const move = shareMove(from, to, parsed.share);
    if ('error' in move) return setError(move.error);
    setError(null);
    onAdd(move);
  };
  return (
    <div className="sim-form">
      <label className="sim-field">
        <span>Share of scored ARR (%)</span>
        <input
          className="input input--compact sim-field__number"
          inputMode="decimal"
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
      </label>
      <CategorySelect label="From" value={from} onChange={setFrom} />
      <CategorySelect label="To" value={to} onChange={setTo} />
      <button type="button" className="button button--secondary button--small" onClick={add}>
        <Icon name="plus" size={14} />
        Add move
      </button>
      {error ? (
        <p id={errorId} className="field__error sim-form__error">
          {error}
        </p>
      ) : null}
      <p className="field__hint sim-form__error">
        {CATEGORY_LABELS[from]} ARR today: {fmt.money(arrByCategory[from], { compact: true })} of {fmt.money(scored, { compact: true })} scored ARR; a move cannot take more than the category holds.
      </p>
    </div>
  );
}

function AccountMoveForm({ onAdd, names }: { onAdd: (move: SimulatorMoveInput) => void; names: Map<string, string> }) {
  const fmt = useFormat();
  const [search, setSearch] = useState('');
  const [to, setTo] = useState<NpsCategory>('promoter');
  const [picked, setPicked] = useState<string[]>([]);
  const settled = useDebounced(search, 200);
  const results = useQuery(() => api.accounts.list({ search: settled || undefined, sort: 'arr', direction: 'desc', limit: 8 }), [settled]);
  const toggle = (id: string, name: string) => {
    names.set(id, name);
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  };
  return (
    <div className="sim-accounts">
      <label className="sim-field sim-field--grow">
        <span>Find accounts</span>
        <input className="input input--compact" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, industry, owner…" />
      </label>
      <fieldset className="sim-accounts__list">
        <legend className="visually-hidden">Accounts to move</legend>
        {results.error ? <InlineError error={results.error} onRetry={results.reload} what="accounts" /> : null}
        {results.data?.rows.length === 0 ? <p className="muted">No account matches “{settled}”.</p> : null}
        {results.data?.rows.map((row) => (
          <label key={row.id} className="sim-accounts__row">
            <input type="checkbox" checked={picked.includes(row.id)} onChange={() => toggle(row.id, row.name)} />
            <span className="sim-accounts__name">{row.name}</span>
            <span className="sim-accounts__arr num">{fmt.money(row.arrMinor, { compact: true })}</span>
            <NpsChip score={row.lastNps} />
          </label>
        ))}
      </fieldset>
      <div className="sim-form">
        <CategorySelect label="Move to" value={to} onChange={setTo} />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={picked.length === 0}
          onClick={() => {
            onAdd({ kind: 'accounts', accountIds: picked, to });
            setPicked([]);
          }}
        >
          <Icon name="plus" size={14} />
          Add move{picked.length > 0 ? ` (${picked.length})` : ''}
        </button>
      </div>
    </div>
  );
}

/** Before, after and the difference, for revenue and NPS. */
export function SimulationTable({ result, ctx, caption }: { result: SimulationResult; ctx: FormatContext; caption: string }) {
  const rows: { label: string; before: string; after: string; change: string; explain?: Parameters<typeof ExplainButton>[0]['explanation'] }[] = [
    {
      label: 'Expected revenue (model)',
      before: formatFigure(result.before.expectedRevenue, ctx),
      after: formatFigure(result.after.expectedRevenue, ctx),
      change: formatFigure(result.expectedRevenueChange, ctx, { plus: true }),
      explain: {
        title: 'Expected revenue, before and after',
        lead: 'The product’s model: each account’s ARR times the net retention of its category.',
        figures: [
          { label: 'Before', figure: result.before.expectedRevenue },
          { label: 'After', figure: result.after.expectedRevenue },
          { label: 'Change', figure: result.expectedRevenueChange },
        ],
      },
    },
    {
      label: 'Revenue-weighted NPS',
      before: formatFigure(result.before.revenueWeightedNps, ctx),
      after: formatFigure(result.after.revenueWeightedNps, ctx),
      change: formatFigure(result.revenueWeightedNpsChange, ctx, { plus: true }),
      explain: {
        title: 'Revenue-weighted NPS, before and after',
        figures: [
          { label: 'Before', figure: result.before.revenueWeightedNps },
          { label: 'After', figure: result.after.revenueWeightedNps },
          { label: 'Change', figure: result.revenueWeightedNpsChange },
        ],
      },
    },
    {
      label: 'Account NPS',
      before: formatFigure(result.before.accountNps, ctx),
      after: formatFigure(result.after.accountNps, ctx),
      change: '',
      explain: {
        title: 'Account NPS, before and after',
        figures: [
          { label: 'Before', figure: result.before.accountNps },
          { label: 'After', figure: result.after.accountNps },
        ],
      },
    },
    ...(['promoter', 'passive', 'detractor', 'unscored'] as const).map((c) => ({
      label: `${CATEGORY_LABELS[c]} ARR`,
      before: formatMoneyValue(result.before.arrByCategory[c], ctx),
      after: formatMoneyValue(result.after.arrByCategory[c], ctx),
      change: '',
    })),
  ];
  return (
    <table className="data-table data-table--compact sim-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="align-end">
            Before
          </th>
          <th scope="col" className="align-end">
            After
          </th>
          <th scope="col" className="align-end">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.explain ? <ExplainButton explanation={row.explain}>{row.label}</ExplainButton> : row.label}</th>
            <td className="align-end">{row.before}</td>
            <td className="align-end">{row.after}</td>
            <td className="align-end sim-table__change">{row.change}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SaveScenario({ moves, period, filters, onSaved }: { moves: SimulatorMoveInput[]; period: MetricsPeriodInput | undefined; filters: MetricsFilters; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();
  const save = async () => {
    if (!name.trim()) return setError('Name the scenario to save it.');
    setSaving(true);
    try {
      const saved = await api.metrics['scenarios.save']({ name: name.trim(), moves, ...(period ? { period } : {}), ...(Object.keys(filters).length ? { filters } : {}) });
      setName('');
      setError(null);
      showToast(`Saved scenario “${saved.name}”`, 'success');
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="sim-save"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="sim-field sim-field--grow">
        <span>Scenario name</span>
        <input className="input input--compact" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} placeholder="e.g. Fix onboarding for detractors" />
      </label>
      <button type="submit" className="button button--primary button--small" disabled={saving}>
        {saving ? 'Saving…' : 'Save scenario'}
      </button>
      {error ? (
        <p id={errorId} className="field__error sim-form__error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function SavedScenarios({ version, names }: { version: number; names: ReadonlyMap<string, string> }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const scenarios = useQuery(() => api.metrics['scenarios.list'](), [version]);
  if (scenarios.error) return <InlineError error={scenarios.error} onRetry={scenarios.reload} what="saved scenarios" />;
  const list = scenarios.data ?? [];
  return (
    <div className="sim-saved">
      <h3 className="sim-saved__title">Saved scenarios</h3>
      {list.length === 0 ? (
        <p className="muted">{scenarios.data ? 'None yet. Add moves above, name the scenario and save it to compare it later with what really happened.' : 'Loading…'}</p>
      ) : (
        <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Saved scenarios">
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">Saved scenarios, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Moves</th>
                <th scope="col" className="align-end">
                  Revenue change
                </th>
                <th scope="col" className="align-end">
                  NPS change
                </th>
                <th scope="col">Saved</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td className="cell-primary">
                    {s.name}
                    {s.snapshotId ? <span className="cell-secondary">on a frozen quarter</span> : null}
                  </td>
                  <td className="sim-saved__moves">{s.moves.map((m) => describeMove(m, names, fmt.locale)).join('; ')}</td>
                  <td className="align-end">{s.result ? formatFigure(s.result.expectedRevenueChange, ctx, { plus: true, compact: true }) : '—'}</td>
                  <td className="align-end">{s.result ? formatFigure(s.result.revenueWeightedNpsChange, ctx, { plus: true }) : '—'}</td>
                  <td>{fmt.date(s.createdAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** What if: move named accounts, or a share of ARR, between categories and see revenue and NPS move. */
export function SimulatorPanel({ period, filters, periodLabel, arrByCategory }: { period: MetricsPeriodInput | undefined; filters: MetricsFilters; periodLabel: string; arrByCategory: ArrByCategory }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const [mode, setMode] = useState<Mode>('share');
  const [moves, setMoves] = useState<SimulatorMoveInput[]>([]);
  const [savedVersion, setSavedVersion] = useState(0);
  const names = useMemo(() => new Map<string, string>(), []);
  const key = JSON.stringify({ period, filters, moves });
  const simulation = useQuery(
    () => (moves.length === 0 ? Promise.resolve(null) : api.metrics.simulate({ moves, ...(period ? { period } : {}), ...(Object.keys(filters).length ? { filters } : {}) })),
    [key],
  );
  const result = simulation.data?.result;

  return (
    <Panel title="Simulator" badge={<span className="badge badge--accent">The product’s own model</span>} className="simulator" id="monet-simulator-title">
      <div className="card__body simulator__body">
        <div className="simulator__inputs">
          <fieldset className="segmented">
            <legend className="visually-hidden">Move</legend>
            {(
              [
                ['share', 'A share of ARR'],
                ['accounts', 'Named accounts'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className={`segmented__option${mode === value ? ' segmented__option--on' : ''}`}>
                <input type="radio" name="monet-sim-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
                {label}
              </label>
            ))}
          </fieldset>
          {mode === 'share' ? <ShareMoveForm arrByCategory={arrByCategory} onAdd={(m) => setMoves((list) => [...list, m])} /> : <AccountMoveForm names={names} onAdd={(m) => setMoves((list) => [...list, m])} />}
          <div className="sim-moves">
            <h3 className="sim-moves__title">Moves on {periodLabel}</h3>
            {moves.length === 0 ? (
              <p className="muted">No moves yet. Add one to see revenue and NPS before and after.</p>
            ) : (
              <ol className="sim-moves__list">
                {moves.map((m, i) => (
                  <li key={i}>
                    <span>{describeMove(m, names, fmt.locale)}</span>
                    <button type="button" className="icon-button" aria-label={`Remove move ${i + 1}`} onClick={() => setMoves((list) => list.filter((_, j) => j !== i))}>
                      <Icon name="close" size={14} />
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
        <div className="simulator__result" aria-live="polite" aria-busy={simulation.loading && moves.length > 0}>
          {simulation.error ? <InlineError error={simulation.error} onRetry={simulation.reload} what="the simulation" /> : null}
          {result && moves.length > 0 && !simulation.error ? (
            <>
              <div className="sim-headline">
                <div>
                  <span className="sim-headline__label">Expected revenue</span>
                  <span className="sim-headline__value" data-sim="revenue-change">
                    {formatFigure(result.expectedRevenueChange, ctx, { plus: true })}
                  </span>
                </div>
                <div>
                  <span className="sim-headline__label">Revenue-weighted NPS</span>
                  <span className="sim-headline__value" data-sim="nps-change">
                    {formatFigure(result.revenueWeightedNpsChange, ctx, { plus: true })} pts
                  </span>
                </div>
              </div>
              <SimulationTable result={result} ctx={ctx} caption="Simulation: before, after and change" />
              <SaveScenario moves={moves} period={period} filters={filters} onSaved={() => setSavedVersion((v) => v + 1)} />
            </>
          ) : moves.length > 0 && !simulation.error ? (
            <div className="loading" role="status">
              <span className="spinner" aria-hidden="true" />
              Running the scenario…
            </div>
          ) : (
            <p className="simulator__empty">The result appears here: expected revenue and NPS before and after your moves.</p>
          )}
        </div>
      </div>
      <div className="card__body simulator__saved">
        <SavedScenarios version={savedVersion} names={names} />
      </div>
    </Panel>
  );
}
