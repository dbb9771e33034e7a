import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import type { AccountDetail, AccountListPage, ContactRow } from '../../../shared/contract';
import { UUID_PATTERN } from '../../../shared/domain/ids';
import { emptyWorkspaceCore } from '../../helpers/test-core';

let core: Core;
const call = <T>(method: string, input?: unknown) => core.call(method, input) as Promise<T>;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
});
afterAll(() => core.close());

describe('accounts and contacts through the contract', () => {
  it('creates an account with ARR and contacts, and reads it back with its timeline', async () => {
    const created = await call<AccountDetail>('accounts.create', {
      name: 'Fabrikam GmbH',
      industry: 'Manufacturing',
      tier: 'Enterprise',
      region: 'EMEA',
      owner: 'Dana Reyes',
      renewalDate: '2027-03-31',
      arrMinor: 450_000_00,
      arrDate: '2026-01-01',
    });
    expect(created.id).toMatch(UUID_PATTERN);
    expect(created.arrMinor).toBe(450_000_00);
    expect(created.arrHistory).toEqual([expect.objectContaining({ effectiveDate: '2026-01-01', arrMinor: 450_000_00, kind: 'new' })]);

    const ceo = await call<ContactRow>('contacts.create', { accountId: created.id, name: 'Ines Vogel', email: ' Ines.Vogel@Fabrikam.example ', role: 'decision_maker', level: 'executive', title: 'CEO' });
    expect(ceo.email).toBe('ines.vogel@fabrikam.example');
    await call('contacts.create', { accountId: created.id, name: 'Tom Berg', role: 'user', level: 'frontline' });

    const detail = await call<AccountDetail>('accounts.get', { id: created.id });
    expect(detail.contacts.map((c) => c.name)).toEqual(['Ines Vogel', 'Tom Berg']); // decision makers first
    expect(detail.contactCount).toBe(2);
    expect(detail.timeline.some((t) => t.kind === 'arr' && t.amountMinor === 450_000_00)).toBe(true);
  });

  it('ARR is the latest record on or before today', async () => {
    const account = await call<AccountDetail>('accounts.create', { name: 'Litware', arrMinor: 100_00, arrDate: '2025-01-01' });
    await call('accounts.recordArr', { accountId: account.id, effectiveDate: '2025-06-30', arrMinor: 250_00, kind: 'expansion' });
    await call('accounts.recordArr', { accountId: account.id, effectiveDate: '2099-01-01', arrMinor: 999_00, kind: 'expansion' });
    const detail = await call<AccountDetail>('accounts.get', { id: account.id });
    expect(detail.arrMinor).toBe(250_00);
  });

  it('a duplicate email within one account is a field error', async () => {
    const account = await call<AccountDetail>('accounts.create', { name: 'Adventure Works' });
    await call('contacts.create', { accountId: account.id, name: 'A', email: 'a@aw.example' });
    await expect(call('contacts.create', { accountId: account.id, name: 'B', email: 'A@aw.example' })).rejects.toMatchObject({ fields: { email: expect.stringContaining('already') } });
  });

  it('updates record what changed in the change log, and soft delete can be undone', async () => {
    const account = await call<AccountDetail>('accounts.create', { name: 'Tailspin Toys', tier: 'SMB' });
    const updated = await call<AccountDetail>('accounts.update', { id: account.id, patch: { tier: 'Mid-market', owner: 'Sam Lee' } });
    expect(updated.tier).toBe('Mid-market');
    const raw = core.workspaces.opened()!.file.raw;
    const log = raw.prepare(`SELECT op, changes_json FROM change_log WHERE entity_id = ? ORDER BY seq`).all(account.id) as { op: string; changes_json: string }[];
    expect(log.map((l) => l.op)).toEqual(['insert', 'update']);
    expect(JSON.parse(log[1]!.changes_json)).toEqual({ tier: ['SMB', 'Mid-market'], owner: [null, 'Sam Lee'] });

    await call('accounts.delete', { id: account.id });
    await expect(call('accounts.get', { id: account.id })).rejects.toMatchObject({ code: 'not_found' });
    const listed = await call<AccountListPage>('accounts.list', { search: 'tailspin' });
    expect(listed.total).toBe(0);
    // The row is still in the file (tombstone), so it can be restored and merged.
    expect(raw.prepare('SELECT deleted_at FROM accounts WHERE id = ?').get(account.id)).toEqual({ deleted_at: expect.any(String) });
    const restored = await call<AccountDetail>('accounts.restore', { id: account.id });
    expect(restored.name).toBe('Tailspin Toys');
  });

  it('lists with search, filters, sorting and paging', async () => {
    for (let i = 0; i < 30; i++) {
      await call('accounts.create', { name: `Paging Co ${String(i).padStart(2, '0')}`, region: i % 2 ? 'APAC' : 'LATAM', arrMinor: (i + 1) * 1000_00 });
    }
    const page1 = await call<AccountListPage>('accounts.list', { search: 'paging co', sort: 'arr', direction: 'desc', limit: 10 });
    expect(page1.total).toBe(30);
    expect(page1.rows.map((r) => r.arrMinor)).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21].map((n) => n * 1000_00));
    const page3 = await call<AccountListPage>('accounts.list', { search: 'paging co', sort: 'arr', direction: 'desc', limit: 10, offset: 20 });
    expect(page3.rows.at(-1)!.arrMinor).toBe(1000_00);
    const apac = await call<AccountListPage>('accounts.list', { search: 'paging', region: 'APAC' });
    expect(apac.total).toBe(15);
    const literal = await call<AccountListPage>('accounts.list', { search: '%' });
    expect(literal.total).toBe(0); // LIKE wildcards in a search are literal characters
    const facets = await call<{ regions: string[] }>('accounts.facets', {});
    expect(facets.regions).toEqual(expect.arrayContaining(['APAC', 'LATAM', 'EMEA']));
  });
});
