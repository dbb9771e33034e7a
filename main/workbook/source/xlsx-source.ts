import ExcelJS from 'exceljs';
import type { Cell, ReadOptions, SheetRow, TableSource } from '../cells';
import { CellError } from '../cells';
import { refuse, WorkbookRefusal, SAVE_AS_HINT } from '../refusal';
import { isDateFormat, serialToDate } from '../parse/excel-dates';
import type { FileBytes } from './file-bytes';
import type { ZipEntry } from './zip-directory';
import { verifyEntry } from './zip-entry-reader';
import type { OoxmlPackage } from './ooxml-package';
import { declaredRows } from './ooxml-package';
import { limitRows } from './row-limits';
import { sheetPackageStream } from './sheet-package-stream';
import { watched } from './watched-iteration';

const IDLE_MS = 30_000;

/** .xlsx / .xlsm through exceljs's streaming reader, one sheet at a time, over checked bytes only. */
export function openXlsxSource(filePath: string, bytes: FileBytes, pkg: OoxmlPackage): TableSource {
  const verified = new Set<ZipEntry>();
  const verify = async (entry: ZipEntry | null, signal?: AbortSignal) => {
    if (!entry || verified.has(entry)) return;
    await verifyEntry(bytes, filePath, entry, signal);
    verified.add(entry);
  };
  return {
    format: pkg.format,
    date1904: pkg.date1904,
    text: null,
    sheets: pkg.sheets.map((s, index) => ({ index, name: s.name, hidden: s.hidden, estimatedRows: declaredRows(bytes, s.part) })),
    rows(sheet, options = {}) {
      const target = pkg.sheets[sheet];
      if (!target) refuse('That sheet is not in the workbook.');
      const checked = async function* () {
        // Every part is proven bounded and DOCTYPE-free before exceljs inflates it itself.
        for (const entry of [pkg.styles, pkg.sharedStrings, target.part]) await verify(entry, options.signal);
        yield* readSheet(filePath, bytes, pkg, target.part, options);
      };
      return limitRows(checked(), options);
    },
    close() {
      bytes.close();
    },
  };
}

type ExcelValue = ExcelJS.CellValue;

async function* readSheet(filePath: string, bytes: FileBytes, pkg: OoxmlPackage, part: OoxmlPackage['sheets'][number]['part'], options: ReadOptions): AsyncGenerator<SheetRow[]> {
  let stored = 0;
  let signalFailure: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    signalFailure = reject;
  });
  failed.catch(() => undefined);
  const failure: { error: Error | null; signal: (error: Error) => void } = { error: null, signal: (error) => signalFailure(error) };
  const input = sheetPackageStream({
    failure,
    bytes,
    filePath,
    date1904: pkg.date1904,
    styles: pkg.styles,
    sharedStrings: pkg.sharedStrings,
    sheet: part,
    onSheetBytes: (n) => {
      stored += n;
      options.onProgress?.(part.compressedSize > 0 ? Math.min(1, stored / part.compressedSize) : 1);
    },
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let lastRow = 0;
  try {
    for await (const worksheet of watched(reader, failed, IDLE_MS)) {
      const parse = (worksheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: unknown }[]> }).parse();
      for await (const events of watched(parse, failed, IDLE_MS)) {
        const rows: SheetRow[] = [];
        for (const { eventType, value } of events) {
          if (eventType !== 'row') continue;
          const row = value as ExcelJS.Row;
          const number = Number.isFinite(row.number) ? row.number : lastRow + 1;
          lastRow = number;
          const cells: Cell[] = [];
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            cells[col - 1] = toCell(cell.value, cell, pkg.date1904);
          });
          rows.push({ row: number, cells });
        }
        if (rows.length > 0) yield rows;
      }
    }
  } catch (err) {
    // The input's own failure (a bomb, a DOCTYPE) is the reason to report, not exceljs's echo of it.
    if (failure.error) throw failure.error;
    if (err instanceof WorkbookRefusal) throw err;
    refuse(`The sheet could not be read; the file is damaged or was not written the way Excel writes workbooks (${describe(err)}). ${SAVE_AS_HINT}`);
  } finally {
    input.destroy();
  }
  if (failure.error) throw failure.error;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 120);
}

function toCell(value: ExcelValue, cell: ExcelJS.Cell, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : new CellError('#NUM!');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) return new CellError('#VALUE!');
      return isDateFormat(cell.numFmt) ? serialToDate(result, date1904) : result;
    }
    if (typeof result === 'object' && result !== null && 'error' in result) return new CellError(String((result as { error: unknown }).error));
    return toCell(result as ExcelValue, cell, date1904);
  }
  if ('error' in v) return new CellError(String(v.error));
  if ('text' in v) return toCell(v.text as ExcelValue, cell, date1904);
  return null;
}
