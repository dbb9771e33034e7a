import { v7 } from 'uuid';
import type { Core } from '../../main/core/core';
import { ensureDefaultGuides } from '../../main/guides/default-guides';
import type { AccountDetail, ContactRow, GuideDetail, GuideSummary } from '../../shared/contract';

/** Drivers, touchpoints and metric settings have no calls of their own yet: tests write them directly. */
function raw(core: Core) {
  return core.workspaces.opened()!.file.raw;
}

export function call<T>(core: Core, method: string, input?: unknown): Promise<T> {
  return core.call(method, input) as Promise<T>;
}

export function seedDrivers(core: Core, names: readonly string[]): string[] {
  const stamp = new Date().toISOString();
  const insert = raw(core).prepare(`INSERT INTO drivers (id, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  return names.map((name, i) => {
    const id = v7();
    insert.run(id, name, i, stamp, stamp);
    return id;
  });
}

export function seedTouchpoints(core: Core, names: readonly string[]): string[] {
  const stamp = new Date().toISOString();
  const insert = raw(core).prepare(`INSERT INTO touchpoints (id, name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  return names.map((name, i) => {
    const id = v7();
    insert.run(id, name, i, stamp, stamp);
    return id;
  });
}

export function setMetricSettings(core: Core, settings: Record<string, unknown>): void {
  raw(core).prepare(`UPDATE workspace_settings SET metric_settings_json = ?`).run(JSON.stringify(settings));
}

export async function withDefaultGuides(core: Core): Promise<GuideSummary[]> {
  await ensureDefaultGuides(core.workspaces.db());
  return call<GuideSummary[]>(core, 'guides.list', {});
}

export async function defaultGuide(core: Core, key: string): Promise<GuideDetail> {
  const guides = await withDefaultGuides(core);
  const summary = guides.find((g) => g.guideKey === key);
  if (!summary) throw new Error(`no default guide ${key}`);
  return call<GuideDetail>(core, 'guides.get', { id: summary.id });
}

export async function accountWithContacts(
  core: Core,
  name: string,
  contacts: readonly { name: string; role?: string; level?: string }[],
  owner: string | null = 'Dana Reyes',
): Promise<{ account: AccountDetail; contacts: ContactRow[] }> {
  const account = await call<AccountDetail>(core, 'accounts.create', { name, owner });
  const rows: ContactRow[] = [];
  for (const contact of contacts) rows.push(await call<ContactRow>(core, 'contacts.create', { accountId: account.id, ...contact }));
  return { account, contacts: rows };
}

export function questionId(guide: GuideDetail, predicate: (q: GuideDetail['questions'][number]) => boolean): string {
  const q = guide.questions.find(predicate);
  if (!q) throw new Error('no such question');
  return q.id;
}
