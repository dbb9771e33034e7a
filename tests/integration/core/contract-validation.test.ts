import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, ApiError } from '../../../shared/contract';
import type { Core } from '../../../main/core/core';
import { emptyWorkspaceCore, totalChanges } from '../../helpers/test-core';

let core: Core;
let accountId: string;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  const account = (await core.call('accounts.create', { name: 'Northwind Traders', arrMinor: 120_000_00 })) as { id: string };
  accountId = account.id;
});
afterAll(() => core.close());

async function expectRejected(method: string, input: unknown): Promise<ApiError> {
  const before = totalChanges(core);
  const error = await core.call(method, input).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, `${method} accepted ${JSON.stringify(input)}`).toBeInstanceOf(ApiError);
  expect(totalChanges(core), `${method} wrote rows for malformed input`).toBe(before);
  return error as ApiError;
}

describe('every contract call validates its input before anything runs', () => {
  const malformed: unknown[] = [42, 'text', [], { unexpectedField: true }, { id: 'not-an-id' }];

  for (const method of METHODS) {
    it(`${method} rejects malformed input without writing`, async () => {
      for (const input of malformed) {
        const error = await expectRejected(method, input);
        expect(error.code).toBe('invalid_input');
        expect(error.message).toContain(method);
      }
    });
  }

  it('an unknown method is refused by name', async () => {
    const error = await expectRejected('accounts.dropTable', {});
    expect(error.code).toBe('unknown_method');
    const proto = await expectRejected('__proto__', {});
    expect(proto.code).toBe('unknown_method');
  });

  it('names the field that is wrong, for the form to show', async () => {
    const blankName = await expectRejected('accounts.create', { name: '   ' });
    expect(blankName.fields).toEqual({ name: 'Name is required' });

    const fractionalArr = await expectRejected('accounts.create', { name: 'Contoso', arrMinor: 10.5 });
    expect(fractionalArr.fields?.arrMinor).toMatch(/whole number/);
    const negativeArr = await expectRejected('accounts.create', { name: 'Contoso', arrMinor: -100 });
    expect(negativeArr.fields?.arrMinor).toMatch(/negative/);
    const textArr = await expectRejected('accounts.create', { name: 'Contoso', arrMinor: '100' });
    expect(textArr.fields?.arrMinor).toBeDefined();

    const badDate = await expectRejected('accounts.create', { name: 'Contoso', renewalDate: '2026-02-30' });
    expect(badDate.fields?.renewalDate).toMatch(/YYYY-MM-DD/);

    const badEmail = await expectRejected('contacts.create', { accountId, name: 'Ann', email: 'ann-at-example' });
    expect(badEmail.fields?.email).toMatch(/name@company.com/);
    const badRole = await expectRejected('contacts.create', { accountId, name: 'Ann', role: 'ceo' });
    expect(badRole.fields?.role).toMatch(/decision maker/);

    const badCurrency = await expectRejected('workspace.updateSettings', { currency: 'EURO' });
    expect(badCurrency.fields?.currency).toMatch(/ISO 4217/);
  });

  it('refuses a contact for an account that does not exist, writing nothing', async () => {
    const error = await expectRejected('contacts.create', { accountId: '019a0000-0000-7000-8000-000000000000', name: 'Ghost' });
    expect(error.code).toBe('not_found');
  });
});
