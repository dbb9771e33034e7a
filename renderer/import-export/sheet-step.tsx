import { useId } from 'react';
import type { InspectResult } from '../../shared/contract/workbook';
import { Icon } from '../components/icons';
import { PRESET_LABELS } from './labels';
import { StepHeading } from './step-heading';
import { useWorkspace } from '../app/workspace-context';
import { formatBytes, formatMoment, isHeaderRow } from './wizard-model';

interface SheetStepProps {
  focus: boolean;
  busy: boolean;
  inspect: InspectResult;
  sheet: number;
  header: { first: number; count: number };
  onSheet(index: number): void;
  onHeader(header: { first: number; count: number }): void;
  onBack(): void;
  onNext(): void;
}

const SAMPLE_COLUMNS = 8;

/** Step 2: which sheet holds the rows, and which rows are its header (Qualtrics has three, SurveyMonkey two). */
export function SheetStep({ focus, busy, inspect, sheet, header, onSheet, onHeader, onBack, onNext }: SheetStepProps) {
  const { locale } = useWorkspace();
  const firstId = useId();
  const countId = useId();
  const current = inspect.sheets.find((s) => s.index === sheet) ?? inspect.sheets[0]!;
  const maxRow = current.sample.at(-1)?.row ?? 1;
  const width = Math.min(SAMPLE_COLUMNS, Math.max(0, ...current.sample.map((r) => r.cells.length)));
  const letters = Array.from({ length: width }, (_, i) => String.fromCharCode(65 + i));
  const moreColumns = Math.max(0, ...current.sample.map((r) => r.cells.length)) - width;

  return (
    <div className="ie-step">
      <StepHeading
        focus={focus}
        description={
          <>
            <strong>{inspect.fileName}</strong> · {inspect.format.toUpperCase()} · {formatBytes(inspect.sizeBytes)}
            {inspect.text ? ` · ${inspect.text.encoding}, separated by ${inspect.text.delimiter === '\t' ? 'tabs' : `“${inspect.text.delimiter}”`}` : ''}
            {inspect.date1904 ? ' · 1904 date system' : ''}
          </>
        }
      >
        Choose the sheet and its header rows
      </StepHeading>

      {inspect.alreadyImported ? (
        <p className="callout callout--info" role="note">
          <Icon name="info" size={16} />
          This exact file was imported on {formatMoment(inspect.alreadyImported.committedAt, locale)}. Importing it again changes nothing unless the workspace changed since.
        </p>
      ) : null}

      <div className="ie-sheet-layout">
        <fieldset className="ie-sheet-list">
          <legend className="ie-label">Sheet</legend>
          {inspect.sheets.map((s) => (
            <label key={s.index} className={`ie-sheet-option${s.index === sheet ? ' ie-sheet-option--selected' : ''}`}>
              <input type="radio" name="ie-sheet" checked={s.index === sheet} onChange={() => onSheet(s.index)} disabled={busy} />
              <span className="ie-sheet-option__text">
                <span className="ie-sheet-option__name">{s.name}</span>
                <span className="ie-sheet-option__meta">
                  {s.estimatedRows === null ? 'Size known after reading' : `${s.estimatedRows.toLocaleString('en-US')} rows`}
                  {s.hidden ? ' · hidden' : ''}
                </span>
                {s.preset ? <span className="badge badge--accent">{PRESET_LABELS[s.preset]}</span> : null}
              </span>
            </label>
          ))}
        </fieldset>

        <div className="ie-sheet-detail">
          <div className="ie-header-fields">
            <div className="field">
              <label className="field__label" htmlFor={firstId}>
                First header row
              </label>
              <input
                id={firstId}
                className="input ie-number-input"
                type="number"
                min={1}
                max={1000}
                value={header.first}
                disabled={busy}
                onChange={(e) => {
                  const first = Math.round(Number(e.currentTarget.value));
                  if (first >= 1 && first <= 1000) onHeader({ ...header, first });
                }}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={countId}>
                Number of header rows
              </label>
              <select id={countId} className="select ie-number-input" value={header.count} disabled={busy} onChange={(e) => onHeader({ ...header, count: Number(e.currentTarget.value) })}>
                <option value={0}>None: columns are named A, B, C…</option>
                {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <p className="ie-header-fields__note">
              Detected: {current.detectedHeader.count === 0 ? 'no header' : `row ${current.detectedHeader.first}${current.detectedHeader.count > 1 ? `–${current.detectedHeader.first + current.detectedHeader.count - 1}` : ''}`}
              {current.detectedHeader.first !== header.first || current.detectedHeader.count !== header.count ? (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onHeader(current.detectedHeader)} disabled={busy}>
                    Use the detected header
                  </button>
                </>
              ) : null}
            </p>
          </div>

          {current.sample.length === 0 ? (
            <p className="card__empty">This sheet is empty. Choose another sheet.</p>
          ) : (
            <div className="table-scroll ie-sample" tabIndex={0} role="region" aria-label={`First rows of ${current.name}`}>
              <table className="data-table data-table--compact">
                <caption className="visually-hidden">First rows of the sheet {current.name}; header rows are marked.</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    {letters.map((l) => (
                      <th key={l} scope="col">
                        {l}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {current.sample.map((r) => {
                    const isHeader = isHeaderRow(r.row, header);
                    return (
                      <tr key={r.row} className={isHeader ? 'ie-sample__header-row' : undefined}>
                        <th scope="row" className="num">
                          {r.row}
                          {isHeader ? <span className="ie-sample__tag">Header</span> : null}
                        </th>
                        {letters.map((_, i) => (
                          <td key={i} className={r.cells[i]?.kind === 'number' ? 'num' : undefined}>
                            {r.cells[i]?.text ?? ''}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {moreColumns > 0 ? <p className="ie-footnote">and {moreColumns} more columns, all shown on the next step.</p> : null}
          {header.first > maxRow && current.sample.length > 0 ? (
            <p className="callout callout--warning">
              <Icon name="alert" size={16} />
              Row {header.first} is beyond the rows shown here; check that the header really starts there.
            </p>
          ) : null}
        </div>
      </div>

      <div className="ie-step__actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          <Icon name="arrowLeft" size={16} />
          Back
        </button>
        <button type="button" className="button button--primary" onClick={onNext} disabled={busy || current.sample.length === 0}>
          Next: match columns
          <Icon name="chevronRight" size={16} />
        </button>
      </div>
    </div>
  );
}
