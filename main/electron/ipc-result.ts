import { ApiError, isApiErrorData } from '../../shared/contract/errors';
import type { ApiErrorData } from '../../shared/contract/errors';
import type { BridgeResult } from '../../shared/contract/bridge';

// How a call's outcome is put on the wire to the renderer. Pure so the error mapping can be tested.

export const FORBIDDEN: ApiErrorData = {
  code: 'forbidden',
  message: 'This window is not allowed to use AX Workbench data.',
};

const INTERNAL: ApiErrorData = {
  code: 'internal',
  message: 'Something went wrong inside AX Workbench. The details were written to the log.',
};

/**
 * Expected failures keep their code and message; anything else is logged here and replaced by a
 * generic message, because a stack trace or a file path is no help on screen and may leak details.
 */
export function failureOf(error: unknown, log: (message: string, error: unknown) => void): BridgeResult {
  if (ApiError.is(error)) return { ok: false, error: error.toData() };
  if (isApiErrorData(error)) {
    return { ok: false, error: error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message } };
  }
  log('Unexpected error in a bridge call', error);
  return { ok: false, error: INTERNAL };
}

export function invalidMethod(): BridgeResult {
  return { ok: false, error: { code: 'unknown_method', message: 'The call name must be a string.' } };
}
