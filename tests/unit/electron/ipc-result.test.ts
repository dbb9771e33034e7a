import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { FORBIDDEN, failureOf, invalidMethod } from '../../../main/electron/ipc-result';

describe('failureOf', () => {
  it('keeps the code, message and fields of an ApiError', () => {
    const log = vi.fn();
    const error = new ApiError({ code: 'invalid_input', message: 'Name is required', fields: { name: 'Required' } });
    expect(failureOf(error, log)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Name is required', fields: { name: 'Required' } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps plain error data', () => {
    expect(failureOf({ code: 'not_found', message: 'No such account' }, vi.fn())).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such account' },
    });
  });

  it('logs an unexpected error and shows only a generic message', () => {
    const log = vi.fn();
    const result = failureOf(new Error('ENOENT: /home/ana/secret/path.axw'), log);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toContain('/home/ana');
    expect(log).toHaveBeenCalledOnce();
  });

  it('does not trust an unknown error code', () => {
    const result = failureOf({ code: 'root', message: 'x' }, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

it('has fixed answers for refused calls', () => {
  expect(FORBIDDEN.code).toBe('forbidden');
  expect(invalidMethod()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
});
