import type { ImportEntity, PresetId } from '../../../shared/contract/workbook';
import type { Cell, TableSource } from '../cells';
import { refuse } from '../refusal';

export interface ImportOptions {
  decimalSeparator: 'auto' | '.' | ',';
  dateOrder: 'auto' | 'dmy' | 'mdy' | 'ymd';
  defaultDate?: string;
  responseKind: string;
}

/** The mapped cells of every data row, read once from the file: preview and commit both work from this. */
export interface StagedImport {
  entity: Exclude<ImportEntity, 'workspace'>;
  fileName: string;
  sha256: string;
  preset: PresetId | null;
  shapeKey: string;
  sheetName: string;
  headerRows: { first: number; count: number };
  headers: string[];
  /** Mapped columns in mapping order: position k of a staged row's cells is column `columns[k]`. */
  columns: { column: number; field: string; label: string }[];
  options: ImportOptions;
  date1904: boolean;
  rows: { row: number; cells: Cell[] }[];
  excluded: Set<number>;
}

export async function stageRows(
  source: TableSource,
  sheet: number,
  headerRows: { first: number; count: number },
  columns: readonly { column: number }[],
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<StagedImport['rows']> {
  const lastHeaderRow = headerRows.count > 0 ? headerRows.first + headerRows.count - 1 : headerRows.first - 1;
  const rows: StagedImport['rows'] = [];
  const indices = columns.map((c) => c.column);
  for await (const batch of source.rows(sheet, { signal: options.signal, onProgress: options.onProgress })) {
    if (options.signal?.aborted) refuse('Cancelled.');
    for (const r of batch) {
      if (r.row <= lastHeaderRow) continue;
      const cells = new Array<Cell>(indices.length);
      for (let k = 0; k < indices.length; k++) cells[k] = r.cells[indices[k]!];
      rows.push({ row: r.row, cells });
    }
  }
  return rows;
}
