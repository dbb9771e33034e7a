import { ApiError } from '../../shared/contract/errors';

/** A file the importer will not read, with the reason a person understands; never a stack trace. */
export class WorkbookRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookRefusal';
  }
}

export function refuse(message: string): never {
  throw new WorkbookRefusal(message);
}

/** What crosses the contract: refusals are the person's input problem, anything else is ours. */
export function toWorkbookApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkbookRefusal) return new ApiError({ code: 'invalid_input', message: err.message });
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError({ code: 'internal', message: `The file could not be read: ${message.slice(0, 300)}` });
}

export const SAVE_AS_HINT = 'Open it in Excel, LibreOffice or Numbers and save it as .xlsx or .csv, then import that file.';
