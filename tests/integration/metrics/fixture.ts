/**
 * Small hand-built workspaces for the metrics engine: a real core over a fresh file (real
 * migrations), rows written with prepared statements so each test states exactly what exists.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { pinClock } from '../../../main/db/clock';
import type { Core } from '../../../main/core/core';
import { newId } from '../../../main/db/new-id';
import { emptyWorkspaceCore } from '../../helpers/test-core';

/** "Today" in these tests: 2026 Q3 is the latest complete quarter, Q4 is running. */
export const TODAY = '2026-11-23';
export const Q3_2026 = { kind: 'quarter', year: 2026, quarter: 3 } as const;
/** Money in the vectors is in currency units; the workspace stores minor units. */
export const units = (amount: number) => Math.round(amount * 100);

type Role = 'decision_maker' | 'influencer' | 'user' | null;

export class Workspace {
  private constructor(
    readonly core: Core,
    readonly raw: BetterSqlite3.Database,
  ) {}

  static async create(): Promise<Workspace> {
    pinClock(new Date(`${TODAY}T12:00:00.000Z`));
    const { core } = await emptyWorkspaceCore();
    return new Workspace(core, core.workspaces.opened()!.file.raw);
  }

  async close(): Promise<void> {
    await this.core.close();
    pinClock(null);
  }

  call<T>(method: string, input?: unknown): Promise<T> {
    return this.core.call(method, input) as Promise<T>;
  }

  /** Many rows in one transaction: one fsync instead of one per row. */
  batch(write: () => void): void {
    this.raw.transaction(write)();
  }

  private stamp = (): string => `${TODAY}T08:00:00.000Z`;

  account(fields: { name?: string; tier?: string; industry?: string; region?: string; owner?: string; createdAt?: string; renewalDate?: string; renewalIntent?: string; expansion?: boolean } = {}): string {
    const id = newId();
    const name = fields.name ?? `Account ${id.slice(-6)}`;
    this.raw
      .prepare(
        `INSERT INTO accounts (id, name, name_normalized, tier, industry, region, owner, renewal_date, renewal_intent, expansion_opportunity, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(id, name, name.toLowerCase(), fields.tier ?? null, fields.industry ?? null, fields.region ?? null, fields.owner ?? null, fields.renewalDate ?? null, fields.renewalIntent ?? null, fields.expansion ? 1 : 0, fields.createdAt ?? '2024-01-01T00:00:00.000Z', this.stamp());
    return id;
  }

  arr(accountId: string, effectiveDate: string, amountMinor: number, kind = 'renewal'): string {
    const id = newId();
    this.raw
      .prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`)
      .run(id, accountId, effectiveDate, amountMinor, kind, this.stamp(), this.stamp());
    return id;
  }

  contact(accountId: string, role: Role): string {
    const id = newId();
    this.raw.prepare(`INSERT INTO contacts (id, account_id, name, role, created_at, updated_at) VALUES (?,?,?,?,?,?)`).run(id, accountId, `Contact ${id.slice(-6)}`, role, this.stamp(), this.stamp());
    return id;
  }

  interview(accountId: string, contactId: string | null, at: string, nps: number | null, options: { status?: 'complete' | 'draft' } = {}): string {
    const id = newId();
    const when = at.length === 10 ? `${at}T10:00:00.000Z` : at;
    this.raw
      .prepare(`INSERT INTO interviews (id, account_id, contact_id, kind, status, interviewed_at, nps, created_at, updated_at) VALUES (?,?,?,'relationship',?,?,?,?,?)`)
      .run(id, accountId, contactId, options.status ?? 'complete', when, nps, this.stamp(), this.stamp());
    return id;
  }

  /** One contact per score, all with the same role: the shortest way to write a vector. */
  responses(accountId: string, at: string, scores: readonly number[], role: Role = 'user'): string[] {
    return scores.map((score) => this.interview(accountId, this.contact(accountId, role), at, score));
  }

  driver(name: string): string {
    const id = newId();
    this.raw.prepare(`INSERT INTO drivers (id, name, created_at, updated_at) VALUES (?,?,?,?)`).run(id, name, this.stamp(), this.stamp());
    return id;
  }

  rating(interviewId: string, driverId: string, rating: number): void {
    this.raw
      .prepare(`INSERT INTO driver_ratings (id, interview_id, driver_id, rating, created_at, updated_at) VALUES (?,?,?,?,?,?)`)
      .run(newId(), interviewId, driverId, rating, this.stamp(), this.stamp());
  }

  qbr(accountId: string, heldOn: string, tools: number | null, investment: number | null, desire: number | null): string {
    const id = newId();
    this.raw
      .prepare(`INSERT INTO qbrs (id, account_id, held_on, title, rating_tools, rating_investment, rating_desire, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`)
      .run(id, accountId, heldOn, `QBR ${heldOn}`, tools, investment, desire, this.stamp(), this.stamp());
    return id;
  }

  milestone(accountId: string, dueDate: string, achievedOn: string | null): void {
    this.raw
      .prepare(`INSERT INTO milestones (id, account_id, title, due_date, achieved_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`)
      .run(newId(), accountId, `Milestone due ${dueDate}`, dueDate, achievedOn, this.stamp(), this.stamp());
  }

  followUp(accountId: string, openedAt: string, contactedAt: string | null, closedAt: string | null, owner = 'Dana'): void {
    this.raw
      .prepare(
        `INSERT INTO actions (id, account_id, kind, title, owner, level, status, opened_at, contacted_at, closed_at, created_at, updated_at)
         VALUES (?,?,'follow_up','Call back',?, 'frontline', ?, ?, ?, ?, ?, ?)`,
      )
      .run(newId(), accountId, owner, closedAt ? 'closed' : contactedAt ? 'contacted' : 'open', openedAt, contactedAt, closedAt, this.stamp(), this.stamp());
  }

  override(accountId: string, board: 'risk' | 'msp', segment: string, reason: string): void {
    this.raw
      .prepare(`INSERT INTO segment_overrides (id, account_id, board, segment, reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`)
      .run(newId(), accountId, board, segment, reason, this.stamp(), this.stamp());
  }

  softDelete(table: 'accounts' | 'contacts' | 'interviews' | 'arr_records' | 'driver_ratings' | 'drivers', id: string): void {
    this.raw.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(this.stamp(), id);
  }
}
