import { useEffect, useState } from 'react';
import type { ImportEntity, ImportQuestion } from '../../shared/contract/workbook';
import { api } from '../api';
import { onCoreEvent } from '../app/core-events';
import { Icon } from '../components/icons';
import { showToast } from '../state/toast-store';
import { DoneStep } from './done-step';
import { FileStep } from './file-step';
import { useImportWizard } from './import-wizard-store';
import { MappingStep } from './mapping-step';
import { nativeImportPicker } from './native-picker';
import { PreviewStep } from './preview-step';
import { ProgressPanel } from './progress-panel';
import { SheetStep } from './sheet-step';
import { followJob, isCancelled, jobFailure, uploadFile } from './transfer';
import type { Progress } from './transfer';
import { undoImport } from './undo-import';
import { useTask } from './use-task';
import { WizardStepper } from './wizard-stepper';
import { answerQuestion, assignField, mappingFromProposal, optionsForPreview } from './wizard-model';
import type { ImportOptionsState, WizardStep } from './wizard-model';

/** Lets the core drop the staged file of an import nobody will finish. */
function closeSession(sessionId: string | undefined): void {
  if (sessionId) void api.workbook.closeSession({ sessionId }).catch(() => undefined);
}

/**
 * The import wizard: file → sheet and header → mapping → review → done. The core holds the session
 * (the parsed file, the staged rows); the wizard store holds the choices and the latest summary, and
 * survives a visit to another screen. Work still running when the screen is left is cancelled.
 */
export function ImportWizard() {
  const task = useTask();
  const w = useImportWizard();
  const set = w.set;
  // Focus moves to a step's heading only once the person moves through the wizard on this visit.
  const [moved, setMoved] = useState(false);

  // Another workspace makes the session meaningless (the core would refuse it): start again.
  useEffect(
    () =>
      onCoreEvent((event) => {
        if (event.type !== 'workspace') return;
        const state = useImportWizard.getState();
        if (state.inspect) {
          closeSession(state.inspect.sessionId);
          state.reset();
        }
      }),
    [],
  );

  const go = (step: WizardStep) => {
    setMoved(true);
    set({ step, error: null });
  };

  const fail = (err: unknown) => {
    if (isCancelled(err)) {
      set({ error: null });
      showToast('Import cancelled', 'neutral');
      return;
    }
    set({ error: err instanceof Error ? err.message : String(err) });
  };

  const startOver = () => {
    closeSession(useImportWizard.getState().inspect?.sessionId);
    w.reset();
    setMoved(true);
  };

  const startInspect = async (first: Progress, send: (report: (p: Progress) => void, signal: AbortSignal) => Promise<{ uploadId: string } | null>) => {
    closeSession(w.inspect?.sessionId);
    w.reset();
    try {
      const inspected = await task.run(first, async (report, signal) => {
        const sent = await send(report, signal);
        if (!sent) return null;
        report({ label: 'Checking the file', done: 0, total: null });
        const { jobId } = await api.workbook.inspect({ source: { uploadId: sent.uploadId } });
        const state = await followJob(jobId, report, signal);
        if (state.state !== 'done' || state.result?.kind !== 'inspect') throw jobFailure(state);
        return state.result.value;
      });
      if (!inspected) return;
      const chosen = inspected.sheets.find((s) => s.index === inspected.suggestedSheet) ?? inspected.sheets[0];
      set({ inspect: inspected, sheet: chosen?.index ?? 0, header: chosen?.detectedHeader ?? { first: 1, count: 1 } });
      go('sheet');
    } catch (err) {
      fail(err);
    }
  };

  const onFile = (file: File) =>
    void startInspect({ label: 'Sending the file', done: 0, total: file.size }, async (report, signal) => ({ uploadId: await uploadFile(file, file.name, report, signal) }));

  const onNativePick = nativeImportPicker
    ? () =>
        void startInspect({ label: 'Waiting for a file', done: 0, total: null }, async () => {
          const picked = await nativeImportPicker!();
          return picked ? { uploadId: picked.uploadId } : null;
        })
    : null;

  const propose = async (entity?: ImportEntity) => {
    if (!w.inspect) return;
    const { sessionId } = w.inspect;
    try {
      const next = await task.run(
        { label: 'Reading the columns', done: 0, total: null },
        () => api.workbook.proposeMapping({ sessionId, sheet: w.sheet, headerRows: w.header, ...(entity ? { entity } : {}) }),
        { cancellable: false },
      );
      // Rows left out belong to the sheet they were chosen on.
      const sameSheet = w.proposal !== null && w.proposal.sheet === next.sheet;
      set({ proposal: next, mapping: mappingFromProposal(next), notice: null, ...(sameSheet ? {} : { excluded: [] }) });
      if (w.step !== 'mapping') go('mapping');
    } catch (err) {
      fail(err);
    }
  };

  const runPreview = async (options: ImportOptionsState = w.options) => {
    const { inspect, proposal, mapping, excluded } = w;
    if (!inspect || !proposal) return;
    try {
      const summary = await task.run({ label: 'Reading rows', done: 0, total: null }, async (report, signal) => {
        const { jobId } = await api.workbook.preview({
          sessionId: inspect.sessionId,
          sheet: proposal.sheet,
          headerRows: proposal.headerRows,
          entity: proposal.entity,
          mapping,
          options: optionsForPreview(options),
          excludedRows: excluded,
        });
        const state = await followJob(jobId, report, signal);
        if (state.state !== 'done' || state.result?.kind !== 'preview') throw jobFailure(state);
        return state.result.value;
      });
      set({ summary, version: useImportWizard.getState().version + 1 });
      if (w.step !== 'preview') go('preview');
    } catch (err) {
      fail(err);
    }
  };

  const onAnswer = (question: ImportQuestion, answer: string) => {
    const options = answerQuestion(w.options, question, answer);
    set({ options });
    void runPreview(options);
  };

  const onExclude = async (row: number, exclude: boolean) => {
    if (!w.summary) return;
    try {
      const summary = await api.workbook.excludeRows({ sessionId: w.summary.sessionId, rows: [row], excluded: exclude });
      const current = useImportWizard.getState();
      const excluded = exclude ? [...new Set([...current.excluded, row])] : current.excluded.filter((r) => r !== row);
      set({ summary, excluded, version: current.version + 1 });
      showToast(exclude ? `Row ${row} left out` : `Row ${row} included again`, 'neutral');
    } catch (err) {
      fail(err);
    }
  };

  const commit = async () => {
    if (!w.summary) return;
    const { sessionId } = w.summary;
    const progressId = `commit-${sessionId}`;
    try {
      const result = await task.run(
        { label: 'Taking a backup and writing', done: 0, total: null },
        async (report) => {
          // The commit is one call; its progress arrives as events while it writes.
          const off = onCoreEvent((event) => {
            if (event.type === 'progress' && event.jobId === progressId) report({ label: 'Writing', done: event.done, total: event.total });
          });
          try {
            return await api.workbook.commit({ sessionId });
          } finally {
            off();
          }
        },
        { cancellable: false },
      );
      set({ result, undone: false });
      go('done');
    } catch (err) {
      fail(err);
    }
  };

  const onUndo = async (importId: string) => {
    const record = await task.run({ label: 'Undoing the import', done: 0, total: null }, () => undoImport(importId), { cancellable: false });
    if (record) set({ undone: true });
  };

  const onField = (column: number, field: string | null) => {
    if (!w.proposal) return;
    const { mapping, movedFrom } = assignField(w.mapping, column, field);
    const from = movedFrom === null ? null : w.proposal.columns.find((c) => c.index === movedFrom);
    const to = w.proposal.columns.find((c) => c.index === column);
    set({ mapping, notice: from && to ? `Column ${from.letter} (${from.header}) no longer fills that field: column ${to.letter} does now.` : null });
  };

  const busy = task.busy;
  const { step, inspect, proposal, summary, result } = w;
  return (
    <section className="card ie-wizard" aria-labelledby="ie-import-title">
      <div className="card__header ie-wizard__header">
        <div>
          <h2 id="ie-import-title" className="card__title">
            Import
          </h2>
          <p className="card__subtitle">Preview first; commit is all or nothing, with a backup taken before, and can be undone.</p>
        </div>
        {step !== 'file' && step !== 'done' ? (
          <button type="button" className="button button--ghost button--small" disabled={busy} onClick={startOver}>
            <Icon name="close" size={14} />
            Start over
          </button>
        ) : null}
      </div>
      <div className="card__body">
        <WizardStepper step={step} />
        {w.error ? (
          <div className="ie-error" role="alert">
            <Icon name="alert" size={18} />
            <div>
              <strong>{step === 'file' ? 'This file cannot be imported.' : 'That did not work.'}</strong> <span>{w.error}</span>
            </div>
          </div>
        ) : null}
        {task.progress ? <ProgressPanel progress={task.progress} onCancel={task.cancellable ? task.cancel : undefined} /> : null}

        {step === 'file' ? <FileStep focus={moved} busy={busy} onFile={onFile} onNativePick={onNativePick} /> : null}
        {step === 'sheet' && inspect ? (
          <SheetStep
            focus={moved}
            busy={busy}
            inspect={inspect}
            sheet={w.sheet}
            header={w.header}
            onSheet={(index) => set({ sheet: index, header: inspect.sheets.find((s) => s.index === index)?.detectedHeader ?? { first: 1, count: 1 } })}
            onHeader={(header) => set({ header })}
            onBack={startOver}
            onNext={() => {
              // Same sheet and header as the last proposal: keep the person's edits to the mapping.
              const same = proposal && proposal.sheet === w.sheet && proposal.headerRows.first === w.header.first && proposal.headerRows.count === w.header.count;
              if (same) go('mapping');
              else void propose(proposal && proposal.sheet === w.sheet ? proposal.entity : undefined);
            }}
          />
        ) : null}
        {step === 'mapping' && proposal ? (
          <MappingStep
            focus={moved}
            busy={busy}
            proposal={proposal}
            mapping={w.mapping}
            options={w.options}
            notice={w.notice}
            onEntity={(entity) => void propose(entity)}
            onField={onField}
            onOptions={(options) => set({ options })}
            onBack={() => go('sheet')}
            onNext={() => void runPreview()}
          />
        ) : null}
        {step === 'preview' && summary ? (
          <PreviewStep
            focus={moved}
            busy={busy}
            summary={summary}
            version={w.version}
            onExclude={(row, exclude) => void onExclude(row, exclude)}
            onAnswer={onAnswer}
            onBack={() => go('mapping')}
            onCommit={() => void commit()}
          />
        ) : null}
        {step === 'done' && result ? (
          <DoneStep focus={moved} busy={busy} result={result} undone={w.undone} onUndo={(id) => void onUndo(id)} onAnother={startOver} />
        ) : null}
      </div>
    </section>
  );
}
