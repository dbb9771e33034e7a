import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { ImportEntity, PresetId } from '../../../shared/contract/workbook';
import { nowIso } from '../../db/clock';
import { headerKey } from './fields';

export interface RememberedMapping {
  entity: ImportEntity;
  headerRows: { first: number; count: number };
  columns: { column: number; header: string; field: string | null }[];
}

/** Files exported by the same tool with the same questions share a shape: their headers, in order. */
export function shapeKey(preset: PresetId | null, headers: readonly string[]): string {
  const text = `${preset ?? ''}\u0001${headers.map(headerKey).join('\u0001')}`;
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function recallMapping(raw: BetterSqlite3.Database, key: string): RememberedMapping | null {
  const row = raw.prepare('SELECT mapping_json FROM import_mappings WHERE shape_key = ?').get(key) as { mapping_json: string } | undefined;
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.mapping_json) as RememberedMapping;
    return Array.isArray(parsed.columns) ? parsed : null;
  } catch {
    return null;
  }
}

/** Stores the mapping used; returns whether anything was written (the same mapping again writes nothing). */
export function rememberMapping(raw: BetterSqlite3.Database, key: string, mapping: RememberedMapping): boolean {
  const json = JSON.stringify(mapping);
  const existing = raw.prepare('SELECT mapping_json FROM import_mappings WHERE shape_key = ?').get(key) as { mapping_json: string } | undefined;
  if (existing?.mapping_json === json) return false;
  const stamp = nowIso();
  if (existing) raw.prepare('UPDATE import_mappings SET mapping_json = ?, updated_at = ? WHERE shape_key = ?').run(json, stamp, key);
  else raw.prepare('INSERT INTO import_mappings (shape_key, mapping_json, created_at, updated_at) VALUES (?,?,?,?)').run(key, json, stamp, stamp);
  return true;
}
