import type { TableSource } from '../cells';
import { refuse } from '../refusal';
import type { FileBytes } from './file-bytes';
import type { OoxmlPackage } from './ooxml-package';
import { declaredRows } from './ooxml-package';
import { limitRows } from './row-limits';
import { readDateStyles, readSharedStrings } from './xlsx-parts';
import { readSheetRows } from './xlsx-sheet';
import type { SheetContext } from './xlsx-sheet';

/**
 * .xlsx / .xlsm, one sheet at a time, with our own streaming reader (`xlsx-sheet.ts`): each part is
 * inflated as it is read, checked against the size the zip directory states and for DOCTYPEs on the
 * way, so nothing unchecked reaches a parser and a sheet is never held whole. The shared strings and
 * date styles are read once per file and kept while the file is open (inspection, then preview).
 */
export function openXlsxSource(filePath: string, bytes: FileBytes, pkg: OoxmlPackage): TableSource {
  let context: Promise<SheetContext> | null = null;
  const load = (signal?: AbortSignal): Promise<SheetContext> => {
    context ??= (async () => ({
      dateStyles: readDateStyles(bytes, pkg.styles),
      sharedStrings: pkg.sharedStrings ? await readSharedStrings(bytes, filePath, pkg.sharedStrings, signal) : [],
      date1904: pkg.date1904,
    }))();
    // A failed or cancelled load is not kept: the next read tries again.
    context.catch(() => {
      context = null;
    });
    return context;
  };
  return {
    format: pkg.format,
    date1904: pkg.date1904,
    text: null,
    sheets: pkg.sheets.map((s, index) => ({ index, name: s.name, hidden: s.hidden, estimatedRows: declaredRows(bytes, s.part) })),
    rows(sheet, options = {}) {
      const target = pkg.sheets[sheet];
      if (!target) refuse('That sheet is not in the workbook.');
      const read = async function* () {
        yield* readSheetRows(bytes, filePath, target.part, await load(options.signal), options);
      };
      return limitRows(read(), options);
    },
    close() {
      bytes.close();
    },
  };
}
