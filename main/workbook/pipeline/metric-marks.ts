import { monthOf } from '../../db/migrations/004-metrics-summaries';

/**
 * The responses an import or its undo touches, by record kind: what the metric summaries must
 * recompute when their per-row triggers are suspended (withMetricMarksDeferred).
 */
export interface TouchedResponses {
  /** Interviews created, changed or removed. */
  interviews: string[];
  /** Driver ratings created, changed or removed (their interview's month). */
  ratings: string[];
  /** Contacts changed (a role is baked into its responses' scores). */
  contacts: string[];
  /**
   * Responses an import creates, as (account id, interviewed_at) with one per account and month: their
   * months are known from the plan, and a hundred thousand ids looked up twice were most of the marking.
   */
  created: [string, string][];
}

/**
 * Marks the (account, month) of every touched response, read from the rows as they are now (created
 * ones from the plan: the same either side of the writes); the lists travel as JSON arrays (named
 * parameters). Months of responses that do not count are marked too: harmless, the refresh recomputes
 * them from the responses and finds nothing.
 */
export const MARK_TOUCHED_SQL = `
  INSERT OR IGNORE INTO metric_dirty_months (account_id, month)
  SELECT i.account_id, ${monthOf('i.interviewed_at')} FROM json_each(@interviews) AS j JOIN interviews AS i ON i.id = j.value
  UNION
  SELECT i.account_id, ${monthOf('i.interviewed_at')} FROM json_each(@ratings) AS j
    JOIN driver_ratings AS r ON r.id = j.value JOIN interviews AS i ON i.id = r.interview_id
  UNION
  SELECT i.account_id, ${monthOf('i.interviewed_at')} FROM json_each(@contacts) AS j JOIN interviews AS i ON i.contact_id = j.value
  UNION
  SELECT j.value ->> 0, ${monthOf('(j.value ->> 1)')} FROM json_each(@created) AS j`;

export function markParams(touched: TouchedResponses): [{ interviews: string; ratings: string; contacts: string; created: string }] {
  return [{ interviews: JSON.stringify(touched.interviews), ratings: JSON.stringify(touched.ratings), contacts: JSON.stringify(touched.contacts), created: JSON.stringify(touched.created) }];
}
