import { useEffect, useId, useState } from 'react';
import type { ImportQuestion, PreviewRow, PreviewSummary, RowStatus } from '../../shared/contract/workbook';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Pager } from './pager';
import { STATUS_LABELS } from './labels';
import { StepHeading } from './step-heading';
import { useWorkspace } from '../app/workspace-context';
import { choiceText, commitBlocker, formatMoment, describeRecordChanges, problemLocation, rowsToWrite } from './wizard-model';

interface PreviewStepProps {
  focus: boolean;
  busy: boolean;
  summary: PreviewSummary;
  /** Bumped whenever the summary is replaced, so the paged lists fetch again. */
  version: number;
  onExclude(row: number, excluded: boolean): void;
  onAnswer(question: ImportQuestion, answer: string): void;
  onBack(): void;
  onCommit(): void;
}

const PAGE = 50;
const STATUS_FILTERS: (RowStatus | 'all')[] = ['all', 'new', 'updated', 'unchanged', 'rejected', 'excluded'];

/** Step 4: what the import would do, every problem where it is, and the rows to leave out; nothing is written yet. */
export function PreviewStep({ focus, busy, summary, version, onExclude, onAnswer, onBack, onCommit }: PreviewStepProps) {
  const { locale } = useWorkspace();
  const blocker = commitBlocker(summary);
  const changes = describeRecordChanges(summary.records);
  const toWrite = rowsToWrite(summary);
  const hasProblems = summary.problems.errors + summary.problems.warnings > 0;

  return (
    <div className="ie-step">
      <StepHeading focus={focus} description="Nothing has been written yet. Leave rows out, or go back and change the mapping; the counts follow.">
        Review the import
      </StepHeading>

      {summary.alreadyImported ? (
        <p className="callout callout--info" role="note">
          <Icon name="info" size={16} />
          This exact file was imported on {formatMoment(summary.alreadyImported.committedAt, locale)}.
        </p>
      ) : null}

      {summary.questions.length > 0 ? (
        <section className="ie-questions" aria-labelledby="ie-questions-title">
          <h3 id="ie-questions-title" className="ie-section-title">
            <Icon name="alert" size={16} />
            {summary.questions.length === 1 ? 'One question before importing' : `${summary.questions.length} questions before importing`}
          </h3>
          {summary.questions.map((q, i) => (
            <Question key={`${q.kind}-${q.column ?? i}`} question={q} busy={busy} onAnswer={onAnswer} />
          ))}
        </section>
      ) : null}

      <dl className="stat-row ie-counts" aria-label="Rows">
        <Count label="Rows read" value={summary.rows.total} />
        <Count label="New" value={summary.rows.new} tone="success" />
        <Count label="Updated" value={summary.rows.updated} tone="accent" />
        <Count label="Unchanged" value={summary.rows.unchanged} />
        <Count label="Rejected" value={summary.rows.rejected} tone={summary.rows.rejected ? 'danger' : undefined} />
        <Count label="Left out" value={summary.rows.excluded} />
      </dl>
      <p className="ie-changes" aria-live="polite">
        {changes.length > 0 ? <>Importing will write: {changes.join(', ')}.</> : 'Importing would write nothing.'}
      </p>

      {hasProblems ? <ProblemsSection sessionId={summary.sessionId} summary={summary} version={version} busy={busy} onExclude={onExclude} /> : null}
      <RowsSection sessionId={summary.sessionId} summary={summary} version={version} busy={busy} onExclude={onExclude} />

      <div className="ie-step__actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          <Icon name="arrowLeft" size={16} />
          Back: change the mapping
        </button>
        <div className="ie-step__commit">
          {blocker ? <p className="ie-step__blocker">{blocker}</p> : null}
          <button type="button" className="button button--primary" onClick={onCommit} disabled={busy || blocker !== null}>
            <Icon name="check" size={16} />
            {toWrite === 1 ? 'Import 1 row' : `Import ${toWrite.toLocaleString('en-US')} rows`}
          </button>
        </div>
      </div>
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'success' | 'accent' | 'danger' | undefined }) {
  return (
    <div className={`stat ie-count${tone ? ` ie-count--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd className="num">{value.toLocaleString('en-US')}</dd>
    </div>
  );
}

function Question({ question, busy, onAnswer }: { question: ImportQuestion; busy: boolean; onAnswer(q: ImportQuestion, answer: string): void }) {
  const [date, setDate] = useState('');
  const name = useId();
  return (
    <fieldset className="ie-question">
      <legend className="ie-question__message">{question.message}</legend>
      {question.examples.length > 0 ? (
        <p className="ie-question__examples">
          Values in the file:{' '}
          {question.examples.slice(0, 5).map((e, i) => (
            <span key={i} className="ie-sample-chip">
              {e}
            </span>
          ))}
        </p>
      ) : null}
      {question.kind === 'defaultDate' ? (
        <div className="ie-question__date">
          <label htmlFor={`${name}-date`} className="field__label">
            Date to use
          </label>
          <input id={`${name}-date`} className="input" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <button type="button" className="button button--secondary" disabled={busy || !date} onClick={() => onAnswer(question, date)}>
            Use this date
          </button>
        </div>
      ) : (
        <div className="ie-question__choices">
          {question.choices.map((choice) => (
            <button key={choice} type="button" className="button button--secondary" disabled={busy} onClick={() => onAnswer(question, choice)}>
              {choiceText(choice, question.examples[0])}
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function ProblemsSection({ sessionId, summary, version, busy, onExclude }: { sessionId: string; summary: PreviewSummary; version: number; busy: boolean; onExclude(row: number, excluded: boolean): void }) {
  const [offset, setOffset] = useState(0);
  const [severity, setSeverity] = useState<'error' | 'warning' | undefined>(undefined);
  useEffect(() => setOffset(0), [version, severity]);
  const page = useQuery(() => api.workbook.problems({ sessionId, offset, limit: PAGE, ...(severity ? { severity } : {}) }), [sessionId, version, offset, severity]);
  const total = summary.problems.errors + summary.problems.warnings;
  return (
    <section className="ie-section" aria-labelledby="ie-problems-title">
      <div className="ie-section__header">
        <h3 id="ie-problems-title" className="ie-section-title">
          Problems
          <span className="card__count num">{total.toLocaleString('en-US')}</span>
        </h3>
        <div className="filter-chips" role="group" aria-label="Show problems">
          {([undefined, 'error', 'warning'] as const).map((s) => (
            <button key={s ?? 'all'} type="button" className="filter-chip" aria-pressed={severity === s} onClick={() => setSeverity(s)}>
              {s === undefined ? 'All' : s === 'error' ? 'Errors' : 'Warnings'}
              <span className="filter-chip__count num">{s === undefined ? total : s === 'error' ? summary.problems.errors : summary.problems.warnings}</span>
            </button>
          ))}
        </div>
      </div>
      {page.error ? (
        <InlineError error={page.error} onRetry={page.reload} what="the problems" />
      ) : (
        <div className="table-scroll ie-table-box" role="region" aria-label="Problems found" tabIndex={0}>
          <table className="data-table data-table--compact" aria-busy={page.loading}>
            <caption className="visually-hidden">Problems found in the file, with where to find each one</caption>
            <thead>
              <tr>
                <th scope="col">Sheet</th>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
                <th scope="col" className="align-end">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(page.data?.rows ?? []).map((p, i) => (
                <tr key={`${p.row}-${p.column ?? ''}-${i}`}>
                  <td>{p.sheet}</td>
                  <td className="num">{p.row}</td>
                  <td>{p.column ?? <span className="muted">whole row</span>}</td>
                  <td>
                    <span className={`badge ${p.severity === 'error' ? 'badge--danger' : 'badge--warning'}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span> {p.message}
                  </td>
                  <td className="align-end">
                    <button type="button" className="button button--ghost button--small" disabled={busy} onClick={() => onExclude(p.row, true)} aria-label={`Leave out row ${p.row} (${problemLocation(p)}: ${p.message})`}>
                      Leave row out
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager offset={offset} limit={PAGE} total={page.data?.total ?? 0} label="Problems" onOffset={setOffset} />
    </section>
  );
}

function statusCount(summary: PreviewSummary, status: RowStatus | 'all'): number {
  return status === 'all' ? summary.rows.total : summary.rows[status];
}

function RowsSection({ sessionId, summary, version, busy, onExclude }: { sessionId: string; summary: PreviewSummary; version: number; busy: boolean; onExclude(row: number, excluded: boolean): void }) {
  const [offset, setOffset] = useState(0);
  const [status, setStatus] = useState<RowStatus | 'all'>('all');
  useEffect(() => setOffset(0), [version, status]);
  const page = useQuery(() => api.workbook.previewRows({ sessionId, offset, limit: PAGE, ...(status === 'all' ? {} : { status }) }), [sessionId, version, offset, status]);
  if (summary.entity === 'workspace') return null;
  return (
    <section className="ie-section" aria-labelledby="ie-rows-title">
      <div className="ie-section__header">
        <h3 id="ie-rows-title" className="ie-section-title">
          Rows and what happens to each
        </h3>
        <div className="filter-chips" role="group" aria-label="Show rows">
          {STATUS_FILTERS.map((s) => (
            <button key={s} type="button" className="filter-chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s === 'all' ? 'All' : STATUS_LABELS[s]}
              <span className="filter-chip__count num">{statusCount(summary, s).toLocaleString('en-US')}</span>
            </button>
          ))}
        </div>
      </div>
      {page.error ? (
        <InlineError error={page.error} onRetry={page.reload} what="the rows" />
      ) : page.data && page.data.total === 0 ? (
        <p className="card__empty">No rows here.</p>
      ) : (
        <div className="table-scroll ie-table-box" role="region" aria-label="Rows of the import" tabIndex={0}>
          <table className="data-table data-table--compact" aria-busy={page.loading}>
            <caption className="visually-hidden">Rows of the sheet, what the import does with each, and how each was matched to the workspace</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Status</th>
                <th scope="col">What happens</th>
                <th scope="col" className="align-end">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(page.data?.rows ?? []).map((row) => (
                <RowLine key={row.row} row={row} busy={busy} onExclude={onExclude} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager offset={offset} limit={PAGE} total={page.data?.total ?? 0} label="Rows" onOffset={setOffset} />
    </section>
  );
}

const STATUS_TONE: Record<RowStatus, string> = { new: 'badge--success', updated: 'badge--accent', unchanged: '', rejected: 'badge--danger', excluded: '' };

function RowLine({ row, busy, onExclude }: { row: PreviewRow; busy: boolean; onExclude(row: number, excluded: boolean): void }) {
  const excluded = row.status === 'excluded';
  return (
    <tr className={excluded ? 'ie-row--excluded' : undefined}>
      <td className="num">{row.row}</td>
      <td>
        <span className={`badge ${STATUS_TONE[row.status]}`}>{STATUS_LABELS[row.status]}</span>
      </td>
      <td className="ie-row__what">
        <span>{row.summary}</span>
        {row.matches
          .filter((m) => m.matchedBy || m.changes.length > 0)
          .map((m, i) => (
            <span key={i} className="ie-row__match">
              {m.matchedBy ? `${m.label}: matched by ${m.matchedBy}` : m.label}
              {m.changes.length > 0 ? ` — ${m.changes.map((c) => `${c.field}: ${c.from ?? '(empty)'} → ${c.to ?? '(empty)'}`).join('; ')}` : ''}
            </span>
          ))}
        {row.problems.map((p, i) => (
          <span key={`p${i}`} className={`ie-row__problem ie-row__problem--${p.severity}`}>
            {p.column ? `${p.column}: ` : ''}
            {p.message}
          </span>
        ))}
      </td>
      <td className="align-end">
        <button type="button" className="button button--ghost button--small" disabled={busy} onClick={() => onExclude(row.row, !excluded)} aria-label={`${excluded ? 'Include' : 'Leave out'} row ${row.row}`}>
          {excluded ? 'Include' : 'Leave out'}
        </button>
      </td>
    </tr>
  );
}
