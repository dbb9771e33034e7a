import { useId, useRef, useState } from 'react';
import { Icon } from '../components/icons';
import { StepHeading } from './step-heading';
import { ACCEPTED_FILE_TYPES } from './wizard-model';

interface FileStepProps {
  focus: boolean;
  busy: boolean;
  onFile(file: File): void;
  /** Electron only: the native open dialog, which hands the core a path instead of bytes. */
  onNativePick: (() => void) | null;
}

/** Step 1: a file from the picker or dropped onto the zone; the core decides what it is from its bytes. */
export function FileStep({ focus, busy, onFile, onNativePick }: FileStepProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div className="ie-step">
      <StepHeading focus={focus} description="Account lists from a CRM, survey exports (Qualtrics, SurveyMonkey, Formbricks, Delighted) or a workbook exported from AX Workbench. Nothing is written until you review and confirm.">
        Choose a file to import
      </StepHeading>
      <div
        className={`ie-dropzone${dragging ? ' ie-dropzone--active' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer.files);
        }}
        data-testid="import-dropzone"
      >
        <div className="ie-dropzone__icon" aria-hidden="true">
          <Icon name="file" size={28} />
        </div>
        <p className="ie-dropzone__title">Drop a spreadsheet here</p>
        <p id={hintId} className="ie-dropzone__hint">
          Excel (.xlsx, .xlsm), OpenDocument (.ods), CSV or TSV, up to 256 MB.
        </p>
        <div className="ie-dropzone__actions">
          {onNativePick ? (
            <button type="button" className="button button--primary" onClick={onNativePick} disabled={busy} aria-describedby={hintId}>
              <Icon name="folder" size={16} />
              Choose a file…
            </button>
          ) : (
            <>
              <button type="button" className="button button--primary" onClick={() => inputRef.current?.click()} disabled={busy} aria-describedby={hintId}>
                <Icon name="folder" size={16} />
                Choose a file…
              </button>
              {/* Hidden: the button above opens it, so keyboard focus lands on a real button. */}
              <input
                ref={inputRef}
                className="ie-dropzone__input"
                type="file"
                accept={ACCEPTED_FILE_TYPES}
                hidden
                tabIndex={-1}
                aria-label="File to import"
                data-testid="import-file-input"
                onChange={(e) => {
                  take(e.currentTarget.files);
                  // The same file may be chosen again after a refusal or Start over.
                  e.currentTarget.value = '';
                }}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
