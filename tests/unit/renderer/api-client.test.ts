// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/contract';
import { api } from '../../../renderer/api';

/** Every contract method is reachable as api.<group>[<rest of the name>], three-part names included. */
describe('renderer api client', () => {
  it('exposes every contract method under its group', () => {
    const table = api as unknown as Record<string, Record<string, unknown>>;
    const missing = METHODS.filter((method) => {
      const cut = method.indexOf('.');
      return typeof table[method.slice(0, cut)]?.[method.slice(cut + 1)] !== 'function';
    });
    expect(missing).toEqual([]);
    expect(typeof table.metrics?.['snapshots.freeze']).toBe('function');
  });
});
