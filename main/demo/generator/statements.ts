/** The generator's INSERTs, prepared once: at bulk size they run millions of times. */
import type BetterSqlite3 from 'better-sqlite3';

export interface Statements {
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

export function prepareStatements(raw: BetterSqlite3.Database): Statements {
  return {
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
