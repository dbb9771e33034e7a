import type { ParsedInputOf } from '../../shared/contract';
import type { ActionKpis } from '../../shared/contract/actions';
import { ACTION_LEVELS } from '../../shared/domain/metrics-types';
import type { ActionLevel } from '../../shared/domain/metrics-types';
import type { Executor } from '../accounts/account-queries';
import { nowIso } from '../db/clock';
import { readMetricSettings } from '../metrics/engine/settings-store';
import { dayAfter } from '../metrics/engine/period';
import { loopKpiBreakdown } from '../metrics/loop';
import type { LoopAction } from '../metrics/loop';

const isLevel = (value: string | null): value is ActionLevel => (ACTION_LEVELS as readonly unknown[]).includes(value);

/** Loop-closure KPIs of follow-ups, with the SLA clock started at the interview (as their due dates were). */
export async function actionKpis(db: Executor, input: ParsedInputOf<'actions.kpis'>): Promise<ActionKpis> {
  let q = db
    .selectFrom('actions as x')
    .leftJoin('interviews as i', 'i.id', 'x.interview_id')
    .select(['x.id', 'x.owner', 'x.level', 'x.opened_at', 'x.contacted_at', 'x.closed_at', 'i.interviewed_at'])
    .where('x.deleted_at', 'is', null)
    .where('x.kind', '=', 'follow_up');
  if (input?.accountId) q = q.where('x.account_id', '=', input.accountId);
  if (input?.owner) q = q.where('x.owner', '=', input.owner);
  if (input?.from) q = q.where('x.opened_at', '>=', input.from);
  if (input?.to) q = q.where('x.opened_at', '<', dayAfter(input.to));
  const rows = await q.execute();
  const actions: LoopAction[] = rows.map((r) => ({
    actionId: r.id,
    owner: r.owner,
    level: isLevel(r.level) ? r.level : 'frontline',
    respondedAt: r.interviewed_at ?? r.opened_at,
    firstContactAt: r.contacted_at,
    closedAt: r.closed_at,
  }));
  const asOf = nowIso();
  return { ...loopKpiBreakdown(actions, asOf, (await readMetricSettings(db)).settings), asOf };
}
