/**
 * A portfolio figure's provenance can name ten thousand accounts; sent to the window for every
 * figure, that is megabytes per dashboard. Lists beyond the cap are cut, with the full count kept
 * in a note, and the account page or a filtered dashboard gives the rest.
 */
const ACCOUNT_IDS_CAP = 200;

export function capAccountIds<T>(value: T, cap = ACCOUNT_IDS_CAP): T {
  walk(value, cap, new Set());
  return value;
}

function walk(value: unknown, cap: number, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) walk(item, cap, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  const ids = record.accountIds;
  if (Array.isArray(ids) && ids.length > cap) {
    record.accountIds = ids.slice(0, cap);
    const notes = Array.isArray(record.notes) ? record.notes : [];
    record.notes = [...notes, `${ids.length} accounts; the first ${cap} are listed`];
  }
  for (const [key, child] of Object.entries(record)) if (key !== 'accountIds') walk(child, cap, seen);
}
