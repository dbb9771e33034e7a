/**
 * Seeded generator for the demo workspace and the benchmark workspace.
 *
 * One latent "health" per account and quarter drives both what stakeholders say (NPS, driver
 * ratings, verbatims) and what the account is worth (expansion, contraction, churn), so that the
 * metrics built on top (revenue at risk, driver cost, evidence-based churn) have a signal to find.
 *
 * Speed matters (1M interviews in about a minute): raw prepared statements in one transaction,
 * typed arrays instead of per-row objects, and interviews inserted in time order so that their
 * UUIDv7 keys append to the B-trees instead of splitting pages all over the file.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { v7 } from 'uuid';
import { ACCOUNT_TIERS, normalizeAccountName } from '../../shared/domain/accounts';
import type { AccountTier } from '../../shared/domain/accounts';
import { ISO_DATE } from '../../shared/domain/dates';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import { Random, clamp } from './random';
import * as V from './vocabulary';
import type { Category, HealthBand, Region } from './vocabulary';

export interface GenerateOptions {
  seed: number;
  accounts: number;
  /** Mean; strategic accounts get more stakeholders, SMB fewer. */
  contactsPerAccount: number;
  /** Total interviews, exactly. */
  responses: number;
  /** Length of the ARR history in quarter ends (and of the interview history in quarters). */
  quarters: number;
  /** YYYY-MM-DD; every simulated date is relative to it, and nothing happens on or after it. */
  today: string;
  withQbrs?: boolean;
  withActions?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Bulk size only. Re-derives, in one pass, what the triggers on the generated tables maintain row by
   * row (the search index). When given, those triggers are suspended during the load (at 1M interviews
   * they about double the time) and this runs, in the same transaction, once data and triggers are back.
   */
  rebuildDerived?: (raw: BetterSqlite3.Database) => void;
}

export interface GenerateSummary {
  drivers: number;
  journeys: number;
  journey_stages: number;
  touchpoints: number;
  accounts: number;
  arr_records: number;
  contacts: number;
  interviews: number;
  driver_ratings: number;
  qbrs: number;
  qbr_notes: number;
  milestones: number;
  actions: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const ROLE_CODES: readonly (ContactRole | null)[] = ['decision_maker', 'influencer', 'user', null];
const LEVEL_CODES: readonly ContactLevel[] = ['executive', 'management', 'frontline'];
const KIND_CODES = ['relationship', 'transactional', 'qbr', 'potential'] as const;
const KIND_RELATIONSHIP = 0;
const KIND_TRANSACTIONAL = 1;
const KIND_QBR = 2;
const KIND_POTENTIAL = 3;

/** Some drivers are harder to get right than others across the whole book. */
const DRIVER_BIAS = [0, -0.15, 0.1, 0.15, -0.35, -0.2, -0.1, 0.3, -0.05];

interface Timeline {
  n: number;
  todayMs: number;
  /** Midnight UTC of each quarter end E_0..E_{n-1}, all strictly before today. */
  quarterEnds: number[];
  /** Interview quarter j runs from the day after E_j up to (not including) E_{j+1}, or today for the last one. */
  start: number[];
  days: number[];
  labels: string[];
}

interface AccountSim {
  id: string;
  tier: AccountTier;
  owner: string;
  ownerFirst: string;
  name: string;
  createdMs: number;
  startQ: number;
  /** Last quarter with interviews (churned and silent accounts stop early); < startQ means none. */
  lastQ: number;
  health: Float64Array;
  contactStart: number;
  contactCount: number;
  painDrivers: number[];
  strengthDriver: number;
  isNew: boolean;
  /** Day (ms) of the QBR per quarter, NaN when none was held. */
  qbrDay: Float64Array | null;
  /** Day (ms) of the quarter's stakeholder interview round, chosen on first use. */
  roundDay: Float64Array;
}

/** What is decided about an account before anything is written: who it is, how it feels, whether it leaves. */
interface AccountPlan {
  tier: AccountTier;
  health: Float64Array;
  isNew: boolean;
  startQ: number;
  /** Quarter-end index at which ARR drops to 0, or -1. */
  churnAt: number;
}

/** Share of accounts that churn within the history: drawn as an exact count, so even the 60-account demo shows it. */
const CHURN_SHARE = 0.085;

/** effective date, ARR in cents, kind, note, recorded at (ms). */
type ArrRow = [string, number, string, string | null, number];

interface Contacts {
  ids: string[];
  names: string[];
  role: Uint8Array;
  level: Uint8Array;
  bias: Float32Array;
  responsiveness: Float32Array;
  createdMs: Float64Array;
}

interface Statements {
  account: BetterSqlite3.Statement;
  arr: BetterSqlite3.Statement;
  contact: BetterSqlite3.Statement;
  interview: BetterSqlite3.Statement;
  rating: BetterSqlite3.Statement;
  qbr: BetterSqlite3.Statement;
  qbrNote: BetterSqlite3.Statement;
  milestone: BetterSqlite3.Statement;
  action: BetterSqlite3.Statement;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UUIDv7 from a simulated time and the generator's own random stream, so ids are reproducible. */
class IdMaker {
  private readonly bytes = new Uint8Array(16);
  constructor(private readonly rng: Random) {}
  at(ms: number): string {
    return v7({ msecs: Math.floor(ms), random: this.rng.fillBytes(this.bytes) });
  }
}

/** From this many interviews on, the generator trades per-row checks for speed (see below). */
const BULK_RESPONSES = 50_000;
const BULK_TABLES = ['interviews', 'driver_ratings', 'contacts', 'arr_records', 'actions', 'qbrs', 'qbr_notes', 'milestones'];
const GENERATED_TABLES = [...BULK_TABLES, 'accounts', 'drivers', 'journeys', 'journey_stages', 'touchpoints'];

function schemaObjects(raw: BetterSqlite3.Database, type: 'index' | 'trigger', tables: readonly string[]): { name: string; sql: string }[] {
  const placeholders = tables.map(() => '?').join(',');
  return raw
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`)
    .all(type, ...tables) as { name: string; sql: string }[];
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function dropTriggers(raw: BetterSqlite3.Database): { name: string; sql: string }[] {
  const triggers = schemaObjects(raw, 'trigger', GENERATED_TABLES);
  for (const trigger of triggers) raw.exec(`DROP TRIGGER ${quoteName(trigger.name)}`);
  return triggers;
}

/**
 * Explicit (CREATE INDEX) ones only; the automatic indexes behind PRIMARY KEY and UNIQUE stay. A unique
 * one that is dropped still guards its rule: rebuilding it fails, and the whole load rolls back.
 */
function dropSecondaryIndexes(raw: BetterSqlite3.Database): { name: string; sql: string }[] {
  const indexes = schemaObjects(raw, 'index', BULK_TABLES);
  for (const index of indexes) raw.exec(`DROP INDEX ${quoteName(index.name)}`);
  return indexes;
}

export function generateWorkspaceData(raw: BetterSqlite3.Database, options: GenerateOptions): GenerateSummary {
  validate(options);
  const timeline = buildTimeline(options.today, options.quarters);
  const generator = new Generator(raw, options, timeline);
  const bulk = options.responses >= BULK_RESPONSES;
  const previousCache = raw.pragma('cache_size', { simple: true }) as number;
  const previousForeignKeys = raw.pragma('foreign_keys', { simple: true }) as number;
  // A large page cache keeps the B-trees being appended to in memory during the bulk insert.
  raw.pragma('cache_size = -262144');
  // Every reference points at a row this generator has just inserted, so at bulk size the per-row
  // foreign-key lookups (about a quarter of the time) buy nothing; the tests run foreign_key_check at
  // both sizes instead. (Inside a caller's transaction this pragma is a no-op: checks stay on.)
  if (bulk) raw.pragma('foreign_keys = OFF');
  try {
    return raw.transaction(() => {
      // Bulk size: building secondary indexes once, from sorted data, beats updating them row by row.
      // DDL is transactional, so a failure restores them; the stored SQL is reused, so the schema is unchanged.
      const deferred = bulk ? dropSecondaryIndexes(raw) : [];
      const suspended = bulk && options.rebuildDerived ? dropTriggers(raw) : [];
      const summary = generator.run();
      for (const index of deferred) raw.exec(index.sql);
      for (const trigger of suspended) raw.exec(trigger.sql);
      if (suspended.length > 0) options.rebuildDerived?.(raw);
      return summary;
    })();
  } finally {
    raw.pragma(`cache_size = ${previousCache}`);
    if (bulk) raw.pragma(`foreign_keys = ${previousForeignKeys ? 'ON' : 'OFF'}`);
  }
}

function validate(o: GenerateOptions): void {
  if (!ISO_DATE.test(o.today)) throw new RangeError(`today must be YYYY-MM-DD, got "${o.today}"`);
  const counts: [string, number][] = [
    ['accounts', o.accounts],
    ['responses', o.responses],
    ['quarters', o.quarters],
  ];
  for (const [name, value] of counts) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  if (o.quarters < 1) throw new RangeError('quarters must be at least 1');
  if (!(o.contactsPerAccount >= 1)) throw new RangeError('contactsPerAccount must be at least 1');
}

function buildTimeline(today: string, n: number): Timeline {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const d = new Date(todayMs);
  const quarterStartMonth = Math.floor(d.getUTCMonth() / 3) * 3;
  const quarterEnds: number[] = [];
  // Day 0 of a month is the last day of the previous one: the end of the quarter before.
  for (let k = n - 1; k >= 0; k--) quarterEnds.push(Date.UTC(d.getUTCFullYear(), quarterStartMonth - 3 * k, 0));
  const start: number[] = [];
  const days: number[] = [];
  const labels: string[] = [];
  for (let j = 0; j < n; j++) {
    const s = quarterEnds[j]! + DAY;
    const end = j < n - 1 ? quarterEnds[j + 1]! : todayMs;
    start.push(s);
    days.push(Math.max(0, Math.round((end - s) / DAY)));
    const sd = new Date(s);
    labels.push(`Q${Math.floor(sd.getUTCMonth() / 3) + 1} ${sd.getUTCFullYear()}`);
  }
  return { n, todayMs, quarterEnds, start, days, labels };
}

function roundToHundredDollars(cents: number): number {
  return Math.max(10_000, Math.round(cents / 10_000) * 10_000);
}

function emailPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function categoryOf(nps: number): Category {
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}

class Generator {
  private readonly rng: Random;
  private readonly ids: IdMaker;
  private readonly st: Statements;
  private readonly summary: GenerateSummary = {
    drivers: 0,
    journeys: 0,
    journey_stages: 0,
    touchpoints: 0,
    accounts: 0,
    arr_records: 0,
    contacts: 0,
    interviews: 0,
    driver_ratings: 0,
    qbrs: 0,
    qbr_notes: 0,
    milestones: 0,
    actions: 0,
  };
  private driverIds: string[] = [];
  private driverNamesLower: string[] = [];
  private touchpointIds: string[] = [];
  private touchpointQuality: number[] = [];
  private stageTouchpoints: number[][] = [];
  private readonly accounts: AccountSim[] = [];
  private readonly contacts: Contacts = { ids: [], names: [], role: new Uint8Array(0), level: new Uint8Array(0), bias: new Float32Array(0), responsiveness: new Float32Array(0), createdMs: new Float64Array(0) };
  private readonly progressTotal: number;
  /** The simulated "now": events that would happen after it have not happened yet. */
  private readonly nowMs: number;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    private readonly o: GenerateOptions,
    private readonly t: Timeline,
  ) {
    this.rng = new Random(o.seed);
    // Ids draw from their own stream so that changing how ids are made never changes the data.
    this.ids = new IdMaker(new Random(o.seed ^ 0x5bd1e995));
    this.nowMs = t.todayMs;
    this.progressTotal = o.accounts + o.responses;
    this.st = {
      account: raw.prepare(
        `INSERT INTO accounts (id, name, name_normalized, external_id, industry, tier, region, owner, renewal_date, renewal_intent, expansion_opportunity, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ),
      arr: raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`),
      contact: raw.prepare(`INSERT INTO contacts (id, account_id, name, email, title, role, level, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`),
      interview: raw.prepare(
        `INSERT INTO interviews (id, account_id, contact_id, kind, status, interviewed_at, interviewer, touchpoint_id, nps, csat, ces, verbatim, sentiment, source, created_at, updated_at) VALUES (?,?,?,?,'complete',?,?,?,?,?,?,?,?,'demo',?,?)`,
      ),
      rating: raw.prepare(`INSERT INTO driver_ratings (id, interview_id, driver_id, rating, created_at, updated_at) VALUES (?,?,?,?,?,?)`),
      qbr: raw.prepare(
        `INSERT INTO qbrs (id, account_id, held_on, title, rating_tools, rating_investment, rating_desire, summary, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
      ),
      qbrNote: raw.prepare(`INSERT INTO qbr_notes (id, qbr_id, kind, body, position, created_at, updated_at) VALUES (?,?,'note',?,?,?,?)`),
      milestone: raw.prepare(`INSERT INTO milestones (id, account_id, title, due_date, achieved_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?)`),
      action: raw.prepare(
        `INSERT INTO actions (id, account_id, interview_id, contact_id, kind, title, owner, level, status, opened_at, first_contact_due_at, close_due_at, contacted_at, closed_at, outcome, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ),
    };
  }

  run(): GenerateSummary {
    const setupMs = this.t.quarterEnds[0]! - 400 * DAY;
    this.insertDrivers(setupMs);
    this.insertJourney(setupMs);
    this.allocateContactArrays();
    const plans = this.planAccounts();
    for (let i = 0; i < this.o.accounts; i++) {
      this.insertAccount(i, plans[i]!);
      if ((i + 1) % 2000 === 0) this.progress(i + 1);
    }
    this.progress(this.o.accounts);
    if (this.o.withQbrs !== false) this.planQbrs();
    this.insertInterviews();
    if (this.o.withQbrs !== false) this.insertQbrsAndMilestones();
    if (this.o.withActions !== false) this.insertExpansionActions();
    this.progress(this.progressTotal);
    return { ...this.summary };
  }

  private progress(done: number): void {
    this.o.onProgress?.(done, this.progressTotal);
  }

  // ── Reference data ──────────────────────────────────────────────────────────────────────────

  private insertDrivers(ms: number): void {
    const stmt = this.raw.prepare(`INSERT INTO drivers (id, name, description, sort_order, created_at, updated_at) VALUES (?,?,?,?,?,?)`);
    V.DRIVERS.forEach((driver, index) => {
      const id = this.ids.at(ms + index);
      const stamp = iso(ms + index);
      stmt.run(id, driver.name, driver.description, index, stamp, stamp);
      this.driverIds.push(id);
      this.driverNamesLower.push(driver.name.toLowerCase());
    });
    this.summary.drivers = V.DRIVERS.length;
  }

  private insertJourney(ms: number): void {
    const db = this.raw;
    const stamp = iso(ms + HOUR);
    const journeyId = this.ids.at(ms + HOUR);
    db.prepare(`INSERT INTO journeys (id, name, description, state, created_at, updated_at) VALUES (?,?,?,'as_is',?,?)`).run(journeyId, V.JOURNEY.name, V.JOURNEY.description, stamp, stamp);
    this.summary.journeys = 1;
    const stageStmt = db.prepare(`INSERT INTO journey_stages (id, journey_id, name, position, created_at, updated_at) VALUES (?,?,?,?,?,?)`);
    const tpStmt = db.prepare(
      `INSERT INTO touchpoints (id, stage_id, name, channel, expectation, position, pain_points, opportunities, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    V.JOURNEY.stages.forEach((stage, stageIndex) => {
      const stageId = this.ids.at(ms + HOUR);
      stageStmt.run(stageId, journeyId, stage.name, stageIndex, stamp, stamp);
      this.summary.journey_stages++;
      stage.touchpoints.forEach((tp, position) => {
        const id = this.ids.at(ms + HOUR);
        tpStmt.run(id, stageId, tp.name, tp.channel, tp.expectation, position, tp.painPoints, tp.opportunities, stamp, stamp);
        this.touchpointIds.push(id);
        this.touchpointQuality.push(tp.quality);
        (this.stageTouchpoints[stageIndex] ??= []).push(this.touchpointIds.length - 1);
        this.summary.touchpoints++;
      });
    });
  }

  // ── Accounts, ARR history, contacts ─────────────────────────────────────────────────────────

  private readonly usedNames = new Set<string>();
  private readonly tierWeights = ACCOUNT_TIERS.map((tier) => V.TIER_WEIGHTS[tier]);
  private readonly regionWeights = V.REGIONS.map((r) => V.REGION_WEIGHTS[r]);
  /** Tier factors are rescaled so that the mean contact count is what the caller asked for. */
  private readonly contactScale = (() => {
    let weighted = 0;
    let total = 0;
    for (const tier of ACCOUNT_TIERS) {
      weighted += V.TIER_WEIGHTS[tier] * V.TIER_CONTACT_FACTOR[tier];
      total += V.TIER_WEIGHTS[tier];
    }
    return total / weighted;
  })();

  private allocateContactArrays(): void {
    // Generous upper bound; the arrays are trimmed views of what gets used.
    const capacity = Math.ceil(this.o.accounts * this.o.contactsPerAccount * 3 + 16);
    this.contacts.role = new Uint8Array(capacity);
    this.contacts.level = new Uint8Array(capacity);
    this.contacts.bias = new Float32Array(capacity);
    this.contacts.responsiveness = new Float32Array(capacity);
    this.contacts.createdMs = new Float64Array(capacity);
  }

  private companyName(industry: V.Industry, region: Region): { name: string; domain: string } {
    const r = this.rng;
    for (let attempt = 0; ; attempt++) {
      const head = r.pick(V.BRAND_HEADS);
      let tail: string = r.pick(V.BRAND_TAILS);
      if (head.toLowerCase() === tail) tail = 'field';
      const brand = r.chance(0.2) ? head : head + tail;
      const noun = r.pick(V.INDUSTRY_NOUNS[industry]);
      // Past a few collisions the brand space is exhausted for this noun: a numbered division keeps names unique.
      const core = attempt < 8 ? `${brand} ${noun}` : `${brand} ${noun} ${attempt - 6}`;
      const normalized = normalizeAccountName(core);
      if (this.usedNames.has(normalized)) continue;
      this.usedNames.add(normalized);
      const legal = industry === 'Public Sector' || industry === 'Education' ? '' : r.pick(V.LEGAL_FORMS[region]);
      return { name: legal ? `${core} ${legal}` : core, domain: `${emailPart(core)}.${r.pick(V.EMAIL_TLDS[region])}` };
    }
  }

  /**
   * Health per account and quarter, and who churns when. Churners are a weighted sample without
   * replacement (exponential keys): the weight is the account's churn hazard summed over its quarters,
   * so unhappy accounts leave far more often, and the churn quarter follows the hazard too.
   */
  private planAccounts(): AccountPlan[] {
    const r = this.rng;
    const n = this.t.n;
    const plans: AccountPlan[] = [];
    const keys: { i: number; key: number; hazards: number[] }[] = [];
    for (let i = 0; i < this.o.accounts; i++) {
      const tier = ACCOUNT_TIERS[r.weightedIndex(this.tierWeights)]!;
      // A stable account baseline plus a slowly wandering deviation (AR(1)), so trends exist.
      const health = new Float64Array(n);
      const baseline = r.normal(0, 0.7);
      let deviation = r.normal(0, 0.55);
      for (let j = 0; j < n; j++) {
        deviation = 0.7 * deviation + r.normal(0, 0.4);
        health[j] = baseline + deviation;
      }
      const isNew = n > 1 && r.chance(0.12);
      const startQ = isNew ? r.int(1, n - 1) : 0;
      plans.push({ tier, health, isNew, startQ, churnAt: -1 });
      // Movement j happens at quarter end j + 1 and follows health in quarter j.
      const tierHazard = tier === 'SMB' ? 1.5 : tier === 'Mid-market' ? 1 : tier === 'Enterprise' ? 0.7 : 0.5;
      const hazards: number[] = [];
      let total = 0;
      for (let j = startQ; j < n - 1; j++) {
        const h = tierHazard * Math.exp(-1.8 * health[j]!);
        hazards.push(h);
        total += h;
      }
      if (total > 0) keys.push({ i, key: -Math.log(1 - r.next()) / total, hazards });
    }
    keys.sort((a, b) => a.key - b.key || a.i - b.i);
    for (const { i, hazards } of keys.slice(0, Math.round(this.o.accounts * CHURN_SHARE))) {
      const plan = plans[i]!;
      const j = plan.startQ + r.weightedIndex(hazards);
      plan.churnAt = j + 1;
      // Accounts sour before they leave: the last two quarters' interviews should show it.
      plan.health[j] = plan.health[j]! - 0.8;
      if (j - 1 >= plan.startQ) plan.health[j - 1] = plan.health[j - 1]! - 0.4;
    }
    return plans;
  }

  private insertAccount(index: number, plan: AccountPlan): void {
    const r = this.rng;
    const t = this.t;
    const n = t.n;
    const { tier, health, isNew, startQ, churnAt } = plan;
    const industry = r.pick(V.INDUSTRIES);
    const region = V.REGIONS[r.weightedIndex(this.regionWeights)]!;
    const owner = r.pick(V.OWNERS);
    const { name, domain } = this.companyName(industry, region);
    const createdMs = t.quarterEnds[startQ]! - r.int(isNew ? 15 : 30, isNew ? 60 : 200) * DAY + r.int(8, 17) * HOUR;
    const id = this.ids.at(createdMs);

    const arrRows: ArrRow[] = [];
    this.simulateArr(plan, arrRows);
    let lastQ = churnAt >= 0 ? churnAt - 1 : n - 1;
    // A few active accounts go quiet for the last two quarters: the silence map needs someone to show.
    if (churnAt < 0 && n >= 4 && r.chance(0.06) && n - 3 >= startQ) lastQ = n - 3;

    const current = health[n - 1]!;
    const churned = churnAt >= 0;
    const renewalDate = churned ? null : isoDate(t.todayMs + r.int(15, 455) * DAY);
    const renewalIntent = churned ? 'no' : r.chance(0.15) ? null : current > 0.2 ? 'yes' : current > -0.9 ? 'unsure' : 'no';
    const expansion = !churned && r.chance(clamp(0.12 + 0.15 * current, 0.02, 0.4)) ? 1 : 0;
    const lastArr = arrRows[arrRows.length - 1]!;
    const updatedMs = Math.max(createdMs, lastArr[4]);
    const externalId = `CRM-${String(index + 1).padStart(6, '0')}`;
    this.st.account.run(id, name, normalizeAccountName(name), externalId, industry, tier, region, owner, renewalDate, renewalIntent, expansion, iso(createdMs), iso(updatedMs));
    this.summary.accounts++;

    for (const [date, arr, kind, note, recordedMs] of arrRows) {
      const stamp = iso(recordedMs);
      this.st.arr.run(this.ids.at(recordedMs), id, date, arr, kind, note, stamp, stamp);
    }
    this.summary.arr_records += arrRows.length;

    const painCount = r.chance(0.4) ? 2 : 1;
    const picks = r.sample(V.DRIVERS.length, painCount + 1);
    const sim: AccountSim = {
      id,
      tier,
      owner,
      ownerFirst: owner.split(' ')[0]!,
      name,
      createdMs,
      startQ,
      lastQ,
      health,
      contactStart: this.contacts.ids.length,
      contactCount: 0,
      painDrivers: picks.slice(0, painCount),
      strengthDriver: picks[painCount]!,
      isNew,
      qbrDay: null,
      roundDay: new Float64Array(n).fill(Number.NaN),
    };
    sim.contactCount = this.insertContacts(sim, domain);
    this.accounts.push(sim);
  }

  /**
   * ARR at each quarter end from the account's start until it churns (as planned). Movement at E_{j+1}
   * follows health in quarter j: unhappy accounts contract, happy ones expand.
   */
  private simulateArr(plan: AccountPlan, rows: ArrRow[]): void {
    const { tier, startQ, isNew, health, churnAt } = plan;
    const r = this.rng;
    const t = this.t;
    const [lo, hi] = V.TIER_ARR_DOLLARS[tier];
    let arr = roundToHundredDollars(Math.exp(r.range(Math.log(lo), Math.log(hi))) * 100);
    const recorded = (j: number): number => Math.min(t.quarterEnds[j]! + DAY + r.int(8, 17) * HOUR, t.todayMs - HOUR);
    const push = (j: number, kind: string, note: string): void => {
      rows.push([isoDate(t.quarterEnds[j]!), arr, kind, note, recorded(j)]);
    };
    push(startQ, isNew ? 'new' : 'renewal', r.pick(isNew ? V.ARR_NOTES.new : V.ARR_NOTES.opening));
    for (let j = startQ; j < t.n - 1; j++) {
      if (j + 1 === churnAt) {
        arr = 0;
        push(j + 1, 'churn', r.pick(V.ARR_NOTES.churn));
        return;
      }
      const h = health[j]!;
      const x = r.next();
      const pExpand = 0.07 * Math.exp(0.7 * h);
      const pContract = 0.04 * Math.exp(-0.7 * h);
      const pAdjust = 0.03;
      let kind = 'renewal';
      let note: string | null = null;
      let next = arr;
      if (x < pExpand) {
        next = roundToHundredDollars(arr * r.range(1.08, 1.45));
        kind = 'expansion';
      } else if (x < pExpand + pContract) {
        next = roundToHundredDollars(arr * r.range(0.6, 0.92));
        kind = 'contraction';
      } else if (x < pExpand + pContract + pAdjust) {
        next = roundToHundredDollars(arr * r.range(0.97, 1.05));
        kind = 'adjustment';
      }
      if (next === arr) kind = 'renewal';
      if (kind !== 'renewal') note = r.pick(V.ARR_NOTES[kind as 'expansion' | 'contraction' | 'adjustment']);
      arr = next;
      rows.push([isoDate(t.quarterEnds[j + 1]!), arr, kind, note, recorded(j + 1)]);
    }
  }

  private insertContacts(sim: AccountSim, domain: string): number {
    const r = this.rng;
    const c = this.contacts;
    const mean = this.o.contactsPerAccount * V.TIER_CONTACT_FACTOR[sim.tier] * this.contactScale;
    let count = Math.max(2, Math.round(mean * r.range(0.7, 1.3)));
    const capacity = c.role.length;
    if (c.ids.length + count > capacity) count = Math.max(0, capacity - c.ids.length);
    const decisionMakers = count >= 4 && r.chance(0.35) ? 2 : 1;
    const usedNames = new Set<string>();
    const usedEmails = new Set<string>();
    let responsive = 0;
    for (let k = 0; k < count; k++) {
      const roleCode = k < decisionMakers ? 0 : r.chance(0.3) ? 1 : 2;
      const levelCode = roleCode === 0 ? (r.chance(0.85) ? 0 : 1) : roleCode === 1 ? r.weightedIndex([10, 75, 15]) : r.chance(0.8) ? 2 : 1;
      // About one contact in twenty has no recorded role; metrics treat them as users.
      const storedRole = r.chance(0.05) ? 3 : roleCode;
      let first: string;
      let last: string;
      let fullName: string;
      do {
        first = r.pick(V.FIRST_NAMES);
        last = r.pick(V.LAST_NAMES);
        fullName = `${first} ${last}`;
      } while (usedNames.has(fullName));
      usedNames.add(fullName);
      let local = `${emailPart(first)}.${emailPart(last)}`;
      for (let suffix = 2; usedEmails.has(local); suffix++) local = `${emailPart(first)}.${emailPart(last)}${suffix}`;
      usedEmails.add(local);
      const title = r.pick(V.TITLES[LEVEL_CODES[levelCode]!]);
      const createdMs = sim.createdMs + r.int(0, 6) * DAY + r.int(0, 8) * HOUR;
      const id = this.ids.at(createdMs);
      const stamp = iso(createdMs);
      this.st.contact.run(id, sim.id, fullName, `${local}@${domain}`, title, ROLE_CODES[storedRole], LEVEL_CODES[levelCode], stamp, stamp);
      const at = c.ids.length;
      c.ids.push(id);
      c.names.push(fullName);
      c.role[at] = storedRole;
      c.level[at] = levelCode;
      c.bias[at] = r.normal(0, 0.7);
      // Some stakeholders never answer; executives answer less often than the people who use the product.
      const w = r.chance(0.12) ? 0 : (levelCode === 0 ? 0.6 : levelCode === 1 ? 1 : 1.3) * r.range(0.5, 1.5);
      c.responsiveness[at] = w;
      c.createdMs[at] = createdMs;
      if (w > 0) responsive++;
    }
    if (responsive === 0 && count > 0) c.responsiveness[sim.contactStart] = 1;
    this.summary.contacts += count;
    return count;
  }

  // ── QBR plan (before interviews, because QBR interviews happen on QBR days) ─────────────────

  private planQbrs(): void {
    const r = this.rng;
    const t = this.t;
    const tierRank = (tier: AccountTier): number => ACCOUNT_TIERS.indexOf(tier);
    const candidates = this.accounts
      .map((a, i) => ({ i, rank: tierRank(a.tier), key: r.next(), span: a.lastQ - a.startQ + 1 }))
      .filter((c) => c.span >= 2)
      .sort((a, b) => a.rank - b.rank || a.key - b.key || a.i - b.i);
    const target = Math.round(this.o.accounts / 3);
    for (const c of candidates.slice(0, target)) {
      const a = this.accounts[c.i]!;
      const days = new Float64Array(t.n).fill(Number.NaN);
      for (let j = a.startQ; j <= a.lastQ; j++) {
        if (t.days[j]! < 20) continue;
        const day = t.start[j]! + Math.floor(t.days[j]! * r.range(0.45, 0.9)) * DAY;
        if (day < t.start[j]! + t.days[j]! * DAY) days[j] = day;
      }
      a.qbrDay = days;
    }
  }

  // ── Interviews, driver ratings, follow-up actions ───────────────────────────────────────────

  private insertInterviews(): void {
    const r = this.rng;
    const t = this.t;
    const total = this.o.responses;
    const accIdx = new Int32Array(total);
    const contactIdx = new Int32Array(total);
    const time = new Float64Array(total);
    const kind = new Uint8Array(total);
    const touchpoint = new Int16Array(total);
    const nps = new Int8Array(total);

    // Exact allocation by cumulative rounding: the caller asked for `responses` interviews, not roughly that.
    const weights = this.accounts.map((a) => {
      if (a.lastQ < a.startQ || a.contactCount === 0) return 0;
      let active = 0;
      for (let j = a.startQ; j <= a.lastQ; j++) active += t.days[j]!;
      return V.TIER_INTERVIEW_FACTOR[a.tier] * active;
    });
    const weightTotal = weights.reduce((s, w) => s + w, 0);
    let filled = 0;
    let cumulative = 0;
    let allocated = 0;
    for (let ai = 0; ai < this.accounts.length && weightTotal > 0; ai++) {
      cumulative += (total * weights[ai]!) / weightTotal;
      const upTo = ai === this.accounts.length - 1 ? total : Math.min(total, Math.round(cumulative));
      const count = upTo - allocated;
      allocated = upTo;
      const a = this.accounts[ai]!;
      for (let k = 0; k < count; k++) filled = this.simulateInterview(a, ai, filled, accIdx, contactIdx, time, kind, touchpoint, nps);
    }

    // Time order, ties broken by position, so UUIDv7 keys append and the output never depends on sort stability.
    const order = new Uint32Array(filled);
    for (let i = 0; i < filled; i++) order[i] = i;
    order.sort((x, y) => time[x]! - time[y]! || x - y);

    const recentFrom = t.start[Math.max(0, t.n - 2)]!;
    const followUps: { interviewId: string; i: number; savedMs: number; lowDriver: number }[] = [];
    const chosen = new Int32Array(4);
    const ratings = new Int8Array(4);
    for (let p = 0; p < filled; p++) {
      const i = order[p]!;
      const a = this.accounts[accIdx[i]!]!;
      const ci = contactIdx[i]!;
      const score = nps[i]!;
      const kindCode = kind[i]!;
      const atMs = time[i]!;
      const savedMs = atMs + r.int(5, 50) * MINUTE;
      const id = this.ids.at(savedMs);
      const savedIso = iso(savedMs);

      let rated = 0;
      let low = -1;
      let high = -1;
      if (kindCode !== KIND_POTENTIAL) {
        rated = this.rateDrivers(a, score, chosen, ratings);
        for (let k = 0; k < rated; k++) {
          if (low < 0 || ratings[k]! < ratings[low]!) low = k;
          if (high < 0 || ratings[k]! > ratings[high]!) high = k;
        }
      }
      const category = score >= 0 ? categoryOf(score) : null;
      const focusDriver = rated === 0 ? -1 : category === 'promoter' ? chosen[high]! : chosen[low]!;

      let verbatim: string | null = null;
      let sentiment: number | null = null;
      if (kindCode === KIND_POTENTIAL) {
        verbatim = r.pick(V.POTENTIAL_VERBATIMS);
        sentiment = Math.round(r.range(0.1, 0.6) * 100) / 100;
      } else if (category && focusDriver >= 0 && r.chance(category === 'detractor' ? 0.75 : 0.55)) {
        verbatim = this.verbatim(category, focusDriver, a.ownerFirst);
        const [lo, hi] = category === 'promoter' ? [0.35, 0.95] : category === 'passive' ? [-0.25, 0.45] : [-0.95, -0.25];
        sentiment = Math.round(r.range(lo, hi) * 100) / 100;
      }
      const transactional = kindCode === KIND_TRANSACTIONAL;
      const csat = score >= 0 && r.chance(transactional ? 0.85 : 0.25) ? clamp(Math.round(r.normal(1 + score * 0.4, 0.6)), 1, 5) : null;
      const ces = score >= 0 && r.chance(transactional ? 0.6 : 0.15) ? clamp(Math.round(r.normal(1.5 + score * 0.5, 0.8)), 1, 7) : null;
      const interviewer = r.chance(0.85) ? a.owner : r.pick(V.OWNERS);
      const tp = touchpoint[i]!;

      this.st.interview.run(
        id,
        a.id,
        this.contacts.ids[ci]!,
        KIND_CODES[kindCode]!,
        iso(atMs),
        interviewer,
        tp >= 0 ? this.touchpointIds[tp]! : null,
        score >= 0 ? score : null,
        csat,
        ces,
        verbatim,
        sentiment,
        savedIso,
        savedIso,
      );
      for (let k = 0; k < rated; k++) {
        this.st.rating.run(this.ids.at(savedMs), id, this.driverIds[chosen[k]!]!, ratings[k]!, savedIso, savedIso);
      }
      this.summary.driver_ratings += rated;
      if (category === 'detractor' && atMs >= recentFrom && this.o.withActions !== false) {
        followUps.push({ interviewId: id, i, savedMs, lowDriver: low >= 0 ? chosen[low]! : -1 });
      }
      if ((p + 1) % 20_000 === 0) this.progress(this.o.accounts + p + 1);
    }
    this.summary.interviews = filled;

    followUps.forEach((f, n) => this.insertFollowUp(n, f.interviewId, this.accounts[accIdx[f.i]!]!, contactIdx[f.i]!, time[f.i]!, f.savedMs, f.lowDriver));
  }

  private simulateInterview(
    a: AccountSim,
    ai: number,
    at: number,
    accIdx: Int32Array,
    contactIdx: Int32Array,
    time: Float64Array,
    kind: Uint8Array,
    touchpoint: Int16Array,
    nps: Int8Array,
  ): number {
    const r = this.rng;
    const t = this.t;
    // Quarter, weighted by its length; the interview practice grows a little over time.
    let totalW = 0;
    for (let j = a.startQ; j <= a.lastQ; j++) totalW += t.days[j]! * (1 + 0.05 * j);
    let x = r.next() * totalW;
    let q = -1;
    for (let j = a.startQ; j <= a.lastQ; j++) {
      if (t.days[j]! <= 0) continue;
      q = j;
      x -= t.days[j]! * (1 + 0.05 * j);
      if (x < 0) break;
    }
    if (q < 0) return at;
    const qDays = t.days[q]!;
    if (qDays <= 0) return at;

    const qbrDay = a.qbrDay ? a.qbrDay[q]! : Number.NaN;
    const y = r.next();
    let k = KIND_RELATIONSHIP;
    if (y < 0.03) k = KIND_POTENTIAL;
    else if (!Number.isNaN(qbrDay) && y < 0.15) k = KIND_QBR;
    else if (y < 0.35) k = KIND_TRANSACTIONAL;

    let dayMs: number;
    if (k === KIND_QBR) dayMs = qbrDay;
    else if (k === KIND_RELATIONSHIP && r.chance(0.7)) {
      // Relationship interviews cluster on one round per account and quarter: a day on site.
      let round = a.roundDay[q]!;
      if (Number.isNaN(round)) {
        round = t.start[q]! + r.int(0, qDays - 1) * DAY;
        a.roundDay[q] = round;
      }
      dayMs = round;
    } else dayMs = t.start[q]! + r.int(0, qDays - 1) * DAY;
    const ms = dayMs + r.int(8, 16) * HOUR + r.int(0, 3) * 15 * MINUTE;

    let tp = -1;
    let quality = 0;
    if (k === KIND_TRANSACTIONAL) {
      const early = a.isNew && q - a.startQ <= 1;
      // New accounts are asked about onboarding and adoption; everyone else mostly about support.
      const stageWeights = early ? [5, 3, 1, 0.5, 0.2] : [0.3, 1, 3, 1.5, 0.8];
      const stage = r.weightedIndex(stageWeights);
      const inStage = this.stageTouchpoints[stage] ?? [];
      tp = inStage.length > 0 ? r.pick(inStage) : -1;
      if (tp >= 0) quality = this.touchpointQuality[tp]!;
    }

    const ci = this.pickContact(a);
    if (ci < 0) return at;
    const level = this.contacts.level[ci]!;
    let score = -1;
    // Potential interviews are about the future, often without a score: null must stay null, not 0.
    if (k !== KIND_POTENTIAL || r.chance(0.5)) {
      const mean = 8.25 + 1.5 * a.health[q]! + this.contacts.bias[ci]! + 1.2 * quality + (level === 0 ? -0.2 : 0);
      score = clamp(Math.round(r.normal(mean, 1.1)), 0, 10);
    }

    accIdx[at] = ai;
    contactIdx[at] = ci;
    time[at] = Math.max(ms, this.contacts.createdMs[ci]! + HOUR);
    kind[at] = k;
    touchpoint[at] = tp;
    nps[at] = score;
    return at + 1;
  }

  private pickContact(a: AccountSim): number {
    const c = this.contacts;
    let total = 0;
    for (let k = 0; k < a.contactCount; k++) total += c.responsiveness[a.contactStart + k]!;
    if (total <= 0) return -1;
    let x = this.rng.next() * total;
    for (let k = 0; k < a.contactCount; k++) {
      x -= c.responsiveness[a.contactStart + k]!;
      if (x < 0) return a.contactStart + k;
    }
    return a.contactStart + a.contactCount - 1;
  }

  /** 2–4 drivers; detractors tend to rate the account's pain drivers, promoters its strength. */
  private rateDrivers(a: AccountSim, score: number, chosen: Int32Array, ratings: Int8Array): number {
    const r = this.rng;
    const count = r.int(2, 4);
    let filled = 0;
    const lean = score >= 0 && score <= 6 ? a.painDrivers[0]! : score >= 9 ? a.strengthDriver : -1;
    if (lean >= 0 && r.chance(0.7)) chosen[filled++] = lean;
    while (filled < count) {
      const d = r.int(0, V.DRIVERS.length - 1);
      let dup = false;
      for (let k = 0; k < filled; k++) if (chosen[k] === d) dup = true;
      if (!dup) chosen[filled++] = d;
    }
    const base = score >= 0 ? 1.2 + 0.33 * score : 3;
    for (let k = 0; k < filled; k++) {
      const d = chosen[k]!;
      const effect = (a.painDrivers.includes(d) ? -0.9 : 0) + (d === a.strengthDriver ? 0.6 : 0) + DRIVER_BIAS[d]!;
      ratings[k] = clamp(Math.round(r.normal(base + effect, 0.7)), 1, 5);
    }
    return filled;
  }

  private verbatim(category: Category, driver: number, leadFirst: string): string {
    const r = this.rng;
    let text = r.pick(V.DRIVER_VERBATIMS[driver]![category]).replace('{lead}', leadFirst);
    if (r.chance(0.5)) {
      const extra = r.pick(V.GENERIC_VERBATIMS[category]);
      const filled = extra.replace('{driver}', this.driverNamesLower[driver]!);
      text += ' ' + (extra.startsWith('{driver}') ? capitalize(filled) : filled);
    }
    return text;
  }

  /** Loop closure as it really goes: most contacted within 48 h and closed within two weeks, some not. */
  private insertFollowUp(n: number, interviewId: string, a: AccountSim, ci: number, openedMs: number, savedMs: number, lowDriver: number): void {
    const r = this.rng;
    const now = this.nowMs;
    // People call back in office hours: anything computed for the night moves to the next morning.
    const toMinute = (ms: number): number => {
      const rounded = Math.round(ms / (5 * MINUTE)) * 5 * MINUTE;
      const hour = new Date(rounded).getUTCHours();
      const midnight = rounded - (rounded % DAY);
      if (hour < 8) return midnight + 8 * HOUR + (rounded % HOUR);
      if (hour >= 18) return midnight + DAY + 8 * HOUR + (rounded % HOUR);
      return rounded;
    };
    // The action is opened by saving the interview, but dated at the interview: the 48 h clock starts there.
    const createdMs = savedMs + MINUTE;
    const contactedMs = toMinute(createdMs + Math.exp(r.normal(Math.log(20), 0.9)) * HOUR);
    const closedMs = toMinute(contactedMs + Math.exp(r.normal(Math.log(6), 0.7)) * DAY);
    // Fixed shares rather than coin flips, so that even the demo's few dozen follow-ups include some
    // never contacted (overdue) and some contacted but never closed.
    const neglected = n % 14 === 3;
    const stalled = n % 20 === 7;
    let status: 'open' | 'contacted' | 'closed' = 'open';
    if (!neglected && contactedMs <= now) status = !stalled && closedMs <= now ? 'closed' : 'contacted';
    const name = this.contacts.names[ci]!;
    const template = lowDriver >= 0 ? r.pick(V.ACTION_TITLES) : r.pick(V.ACTION_TITLES_NO_DRIVER);
    const title = template.replace('{contact}', name).replace('{driver}', lowDriver >= 0 ? this.driverNamesLower[lowDriver]! : '');
    const updatedMs = status === 'closed' ? closedMs : status === 'contacted' ? contactedMs : createdMs;
    this.st.action.run(
      this.ids.at(createdMs),
      a.id,
      interviewId,
      this.contacts.ids[ci]!,
      'follow_up',
      title,
      a.owner,
      LEVEL_CODES[this.contacts.level[ci]!]!,
      status,
      iso(openedMs),
      iso(openedMs + 48 * HOUR),
      iso(openedMs + 14 * DAY),
      status === 'open' ? null : iso(contactedMs),
      status === 'closed' ? iso(closedMs) : null,
      status === 'closed' ? r.pick(V.ACTION_OUTCOMES) : null,
      iso(createdMs),
      iso(updatedMs),
    );
    this.summary.actions++;
  }

  private insertExpansionActions(): void {
    const r = this.rng;
    const t = this.t;
    const n = t.n;
    for (const a of this.accounts) {
      if (a.lastQ !== n - 1 || a.health[n - 1]! < 0.4 || !r.chance(0.15)) continue;
      let ci = -1;
      for (let k = 0; k < a.contactCount; k++) if (this.contacts.role[a.contactStart + k] === 0) ci = a.contactStart + k;
      if (ci < 0) continue;
      const openedMs = t.todayMs - r.int(3, 60) * DAY + r.int(8, 17) * HOUR - DAY;
      const contacted = r.chance(0.5);
      const contactedMs = openedMs + r.int(1, 5) * DAY;
      const status = contacted && contactedMs < t.todayMs ? 'contacted' : 'open';
      const stamp = iso(openedMs);
      this.st.action.run(
        this.ids.at(openedMs),
        a.id,
        null,
        this.contacts.ids[ci]!,
        'expansion',
        r.pick(V.EXPANSION_ACTION_TITLES),
        a.owner,
        'executive',
        status,
        stamp,
        null,
        null,
        status === 'contacted' ? iso(contactedMs) : null,
        null,
        null,
        stamp,
        status === 'contacted' ? iso(contactedMs) : stamp,
      );
      this.summary.actions++;
    }
  }

  // ── QBRs and milestones ─────────────────────────────────────────────────────────────────────

  private insertQbrsAndMilestones(): void {
    const r = this.rng;
    const t = this.t;
    for (const a of this.accounts) {
      if (!a.qbrDay) continue;
      const style = r.pick(V.QBR_TITLES);
      for (let j = a.startQ; j <= a.lastQ; j++) {
        const day = a.qbrDay[j]!;
        if (Number.isNaN(day)) continue;
        const h = a.health[j]!;
        const rate = (): number => clamp(Math.round(r.normal(3.3 + 0.9 * h, 0.6)), 1, 5);
        const tools = rate();
        const investment = rate();
        const desire = rate();
        const mean = (tools + investment + desire) / 3;
        const band: HealthBand = mean >= 3.7 ? 'good' : mean >= 2.7 ? 'mixed' : 'poor';
        const createdMs = Math.min(day + 18 * HOUR, t.todayMs - HOUR);
        const stamp = iso(createdMs);
        const qbrId = this.ids.at(createdMs);
        this.st.qbr.run(qbrId, a.id, isoDate(day), style.replace('{quarter}', t.labels[j]!), tools, investment, desire, r.pick(V.QBR_SUMMARIES[band]), stamp, stamp);
        this.summary.qbrs++;
        const notes = r.sample(V.QBR_NOTES[band].length, r.int(2, 3));
        notes.forEach((noteIndex, position) => {
          this.st.qbrNote.run(this.ids.at(createdMs), qbrId, V.QBR_NOTES[band][noteIndex]!, position, stamp, stamp);
          this.summary.qbr_notes++;
        });
      }
      this.insertMilestones(a);
    }
  }

  /** Some achieved on time, some late, some still pending: adherence feeds the Success Vector. */
  private insertMilestones(a: AccountSim): void {
    const r = this.rng;
    const t = this.t;
    const count = r.int(4, 7);
    const firstDue = t.start[a.startQ]! + 30 * DAY;
    const lastDue = t.todayMs + 120 * DAY;
    for (const titleIndex of r.sample(V.MILESTONE_TITLES.length, count)) {
      const dueMs = firstDue + Math.floor(r.next() * ((lastDue - firstDue) / DAY)) * DAY;
      const q = clamp(Math.floor((dueMs - t.start[0]!) / (91 * DAY)), a.startQ, t.n - 1);
      const h = a.health[q]!;
      let achievedMs: number | null = null;
      if (dueMs < t.todayMs) {
        const x = r.next();
        const onTime = clamp(0.55 + 0.2 * h, 0.15, 0.9);
        if (x < onTime) achievedMs = dueMs - r.int(0, 20) * DAY;
        else if (x < onTime + (1 - onTime) * 0.6) {
          const late = dueMs + r.int(3, 75) * DAY;
          achievedMs = late < t.todayMs ? late : null;
        }
      } else if (r.chance(0.15)) {
        achievedMs = t.todayMs - r.int(1, 20) * DAY;
      }
      const createdMs = Math.min(Math.max(a.createdMs + DAY, dueMs - r.int(90, 200) * DAY), t.todayMs - DAY);
      if (achievedMs !== null) achievedMs = Math.max(achievedMs, createdMs);
      const updatedMs = achievedMs ?? createdMs;
      this.st.milestone.run(
        this.ids.at(createdMs),
        a.id,
        V.MILESTONE_TITLES[titleIndex]!,
        isoDate(dueMs),
        achievedMs === null ? null : isoDate(achievedMs),
        iso(createdMs),
        iso(Math.max(updatedMs, createdMs)),
      );
      this.summary.milestones++;
    }
  }
}
