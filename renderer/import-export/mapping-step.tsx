import { useId } from 'react';
import { IMPORT_ENTITIES } from '../../shared/contract/workbook';
import type { FieldInfo, ImportEntity, MappingProposal } from '../../shared/contract/workbook';
import { Icon } from '../components/icons';
import { ENTITY_LABELS, PRESET_LABELS } from './labels';
import { StepHeading } from './step-heading';
import { driverKeyFor, fieldLabel, missingRequired } from './wizard-model';
import type { ImportOptionsState, MappingEntry } from './wizard-model';

interface MappingStepProps {
  focus: boolean;
  busy: boolean;
  proposal: MappingProposal;
  mapping: MappingEntry[];
  options: ImportOptionsState;
  /** Said after a field moved from one column to another. */
  notice: string | null;
  onEntity(entity: ImportEntity): void;
  onField(column: number, field: string | null): void;
  onOptions(options: ImportOptionsState): void;
  onBack(): void;
  onNext(): void;
}

const SKIP = '';
const DRIVER = '__driver__';

/** Step 3: every column with examples and the field it fills, proposed by the core and changeable here. */
export function MappingStep({ focus, busy, proposal, mapping, options, notice, onEntity, onField, onOptions, onBack, onNext }: MappingStepProps) {
  const entityId = useId();
  const missing = missingRequired(proposal.fields, mapping);
  const isWorkspace = proposal.entity === 'workspace';
  const usesDrivers = proposal.entity === 'responses';
  const mapped = mapping.filter((m) => m.field !== null).length;

  return (
    <div className="ie-step">
      <StepHeading focus={focus} description="Each column of the sheet fills one field, or is left out. The proposal comes from the headers and the values; change anything that is wrong.">
        Match columns to fields
      </StepHeading>

      <div className="ie-mapping-top">
        <div className="field ie-entity-field">
          <label className="field__label" htmlFor={entityId}>
            The rows are
          </label>
          <select id={entityId} className="select" value={proposal.entity} disabled={busy} onChange={(e) => onEntity(e.currentTarget.value as ImportEntity)}>
            {IMPORT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {ENTITY_LABELS[entity]}
              </option>
            ))}
          </select>
        </div>
        <div className="ie-recognised" aria-live="polite">
          {proposal.preset ? (
            <span className="badge badge--success">
              <Icon name="checkCircle" size={14} />
              Recognised: {PRESET_LABELS[proposal.preset]}
            </span>
          ) : (
            <span className="badge">No known export layout: matched by column names</span>
          )}
          {proposal.remembered ? (
            <span className="badge badge--accent">
              <Icon name="clock" size={14} />
              Mapping remembered from your last import of this layout
            </span>
          ) : null}
        </div>
      </div>

      {isWorkspace ? (
        <p className="callout callout--info">
          <Icon name="info" size={16} />
          This is a full AX Workbench workspace export: every sheet is read as it was written, so there is nothing to match. The review shows what would change.
        </p>
      ) : (
        <>
          {missing.length > 0 ? (
            <p className="callout callout--warning" role="note">
              <Icon name="alert" size={16} />
              No column is chosen for {missing.map((f) => `“${f.label}”`).join(', ')}, which every row needs. Rows without it will be rejected.
            </p>
          ) : null}
          <p className="visually-hidden" role="status">
            {notice ?? ''}
          </p>
          {notice ? (
            <p className="ie-notice">
              <Icon name="info" size={14} />
              {notice}
            </p>
          ) : null}
          <div className="table-scroll ie-mapping" role="region" aria-label="Columns and fields" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">
                Columns of the sheet and the field each one fills; {mapped} of {mapping.length} columns are imported.
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="ie-mapping__col">
                    Column
                  </th>
                  <th scope="col">Examples from the file</th>
                  <th scope="col" className="ie-mapping__field">
                    Import as
                  </th>
                </tr>
              </thead>
              <tbody>
                {proposal.columns.map((column) => {
                  const entry = mapping.find((m) => m.column === column.index);
                  const field = entry?.field ?? null;
                  const guess = proposal.mapping.find((m) => m.column === column.index);
                  const proposed = guess && guess.field !== null && guess.field === field && guess.confidence < 1;
                  const selectId = `ie-map-${column.index}`;
                  return (
                    <tr key={column.index} className={field === null ? 'ie-mapping__row--skipped' : undefined}>
                      <th scope="row" className="ie-mapping__col">
                        <span className="ie-col-letter">{column.letter}</span>
                        <span className="ie-col-header">{column.header}</span>
                      </th>
                      <td className="ie-mapping__samples">
                        {column.samples.length === 0 ? <span className="muted">(empty)</span> : column.samples.slice(0, 3).map((s, i) => <span key={i} className="ie-sample-chip">{s}</span>)}
                      </td>
                      <td className="ie-mapping__field">
                        <div className="ie-mapping__control">
                          <label className="visually-hidden" htmlFor={selectId}>
                            Import column {column.letter} ({column.header}) as
                          </label>
                          <FieldSelect
                            id={selectId}
                            fields={proposal.fields}
                            value={field}
                            disabled={busy}
                            driverKey={usesDrivers ? driverKeyFor(column.header) : null}
                            onChange={(next) => onField(column.index, next)}
                          />
                          {proposed ? <span className="ie-guess">Suggested</span> : null}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      <FormatOptions options={options} entity={proposal.entity} busy={busy} onOptions={onOptions} />

      <div className="ie-step__actions">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          <Icon name="arrowLeft" size={16} />
          Back
        </button>
        <button type="button" className="button button--primary" onClick={onNext} disabled={busy || (!isWorkspace && mapped === 0)}>
          Next: preview the import
          <Icon name="chevronRight" size={16} />
        </button>
      </div>
    </div>
  );
}

function FieldSelect({ id, fields, value, disabled, driverKey, onChange }: { id: string; fields: FieldInfo[]; value: string | null; disabled: boolean; driverKey: string | null; onChange(field: string | null): void }) {
  const known = value === null || fields.some((f) => f.key === value);
  return (
    <select
      id={id}
      className={`select ie-field-select${value === null ? ' ie-field-select--skip' : ''}`}
      value={value ?? SKIP}
      disabled={disabled}
      onChange={(e) => {
        const next = e.currentTarget.value;
        onChange(next === SKIP ? null : next === DRIVER ? driverKey : next);
      }}
    >
      <option value={SKIP}>Don’t import</option>
      {fields.map((f) => (
        <option key={f.key} value={f.key}>
          {f.label}
          {f.required ? ' (required)' : ''}
        </option>
      ))}
      {!known && value ? <option value={value}>{fieldLabel(fields, value)}</option> : null}
      {driverKey && driverKey !== value ? <option value={DRIVER}>{fieldLabel(fields, driverKey)}</option> : null}
    </select>
  );
}

/** How ambiguous numbers and dates are read. "Decide from the file" asks in the review when the file does not tell. */
function FormatOptions({ options, entity, busy, onOptions }: { options: ImportOptionsState; entity: ImportEntity; busy: boolean; onOptions(o: ImportOptionsState): void }) {
  const decimalId = useId();
  const dateId = useId();
  const defaultDateId = useId();
  const kindId = useId();
  const datedRows = entity === 'responses' || entity === 'qbr_notes' || entity === 'actions';
  return (
    <details className="ie-options" open={options.decimalSeparator !== 'auto' || options.dateOrder !== 'auto' || datedRows}>
      <summary>Number and date formats{datedRows ? ', response details' : ''}</summary>
      <div className="ie-options__grid">
        <div className="field">
          <label className="field__label" htmlFor={decimalId}>
            Decimal separator
          </label>
          <select id={decimalId} className="select" value={options.decimalSeparator} disabled={busy} onChange={(e) => onOptions({ ...options, decimalSeparator: e.currentTarget.value as ImportOptionsState['decimalSeparator'] })}>
            <option value="auto">Decide from the file; ask me when unclear</option>
            <option value=".">Dot: 1,200.50</option>
            <option value=",">Comma: 1.200,50</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={dateId}>
            Date order
          </label>
          <select id={dateId} className="select" value={options.dateOrder} disabled={busy} onChange={(e) => onOptions({ ...options, dateOrder: e.currentTarget.value as ImportOptionsState['dateOrder'] })}>
            <option value="auto">Decide from the file; ask me when unclear</option>
            <option value="dmy">Day/month/year: 31/03/2025</option>
            <option value="mdy">Month/day/year: 03/31/2025</option>
            <option value="ymd">Year/month/day: 2025/03/31</option>
          </select>
        </div>
        {datedRows ? (
          <div className="field">
            <label className="field__label" htmlFor={defaultDateId}>
              Date for rows without one
            </label>
            <input id={defaultDateId} className="input" type="date" value={options.defaultDate} disabled={busy} onChange={(e) => onOptions({ ...options, defaultDate: e.currentTarget.value })} />
          </div>
        ) : null}
        {entity === 'responses' ? (
          <div className="field">
            <label className="field__label" htmlFor={kindId}>
              Kind of survey
            </label>
            <select id={kindId} className="select" value={options.responseKind} disabled={busy} onChange={(e) => onOptions({ ...options, responseKind: e.currentTarget.value as ImportOptionsState['responseKind'] })}>
              <option value="relationship">Relationship NPS</option>
              <option value="transactional">Transactional survey</option>
              <option value="qbr">QBR pulse</option>
              <option value="potential">Future of the relationship</option>
            </select>
          </div>
        ) : null}
      </div>
    </details>
  );
}
