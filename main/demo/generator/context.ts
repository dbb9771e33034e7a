/**
 * What every step of one generator run shares: the random streams, the prepared statements, the
 * running summary, and what earlier steps made that later ones refer to (driver and touchpoint ids,
 * the simulated accounts and their contacts).
 *
 * All steps draw from the one `rng` in a fixed order (see generate-workspace-data.ts): moving a draw
 * from one step to another, or reordering steps, changes the whole workspace for a given seed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { v7 } from 'uuid';
import type { AccountTier } from '../../../shared/domain/accounts';
import { Random } from '../random';
import type { GenerateOptions, GenerateSummary } from './options';
import { prepareStatements } from './statements';
import type { Statements } from './statements';
import type { Timeline } from './timeline';

/** UUIDv7 from a simulated time and the generator's own random stream, so ids are reproducible. */
export class IdMaker {
  private readonly bytes = new Uint8Array(16);
  constructor(private readonly rng: Random) {}
  at(ms: number): string {
    return v7({ msecs: Math.floor(ms), random: this.rng.fillBytes(this.bytes) });
  }
}

/** An account as the later steps need it: who owns it, how it feels each quarter, where its contacts are. */
export interface AccountSim {
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

/** Every contact of every account, one slot per contact; typed arrays instead of objects, for bulk size. */
export interface ContactPool {
  ids: string[];
  names: string[];
  role: Uint8Array;
  level: Uint8Array;
  bias: Float32Array;
  responsiveness: Float32Array;
  createdMs: Float64Array;
}

export interface GenerationContext {
  readonly raw: BetterSqlite3.Database;
  readonly options: GenerateOptions;
  readonly timeline: Timeline;
  readonly rng: Random;
  readonly ids: IdMaker;
  readonly st: Statements;
  readonly summary: GenerateSummary;
  /** Per driver, in vocabulary order: its id and its name in lower case (for verbatims and action titles). */
  readonly driverIds: string[];
  readonly driverNamesLower: string[];
  /** Per touchpoint, in journey order: its id and how well it really goes; and the touchpoints of each stage. */
  readonly touchpointIds: string[];
  readonly touchpointQuality: number[];
  readonly stageTouchpoints: number[][];
  readonly accounts: AccountSim[];
  readonly contacts: ContactPool;
  readonly progressTotal: number;
}

export function createContext(raw: BetterSqlite3.Database, options: GenerateOptions, timeline: Timeline): GenerationContext {
  return {
    raw,
    options,
    timeline,
    rng: new Random(options.seed),
    // Ids draw from their own stream so that changing how ids are made never changes the data.
    ids: new IdMaker(new Random(options.seed ^ 0x5bd1e995)),
    st: prepareStatements(raw),
    summary: {
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
    },
    driverIds: [],
    driverNamesLower: [],
    touchpointIds: [],
    touchpointQuality: [],
    stageTouchpoints: [],
    accounts: [],
    contacts: { ids: [], names: [], role: new Uint8Array(0), level: new Uint8Array(0), bias: new Float32Array(0), responsiveness: new Float32Array(0), createdMs: new Float64Array(0) },
    progressTotal: options.accounts + options.responses,
  };
}

export function reportProgress(ctx: GenerationContext, done: number): void {
  ctx.options.onProgress?.(done, ctx.progressTotal);
}
