import fs from 'node:fs';
import type { ReadOptions, SheetRow, TableSource } from '../cells';
import { LIMITS } from '../limits';
import { refuse } from '../refusal';
import { DelimitedParser, detectDelimiter } from './delimited';
import { detectEncoding, makeDecoder } from './text-encoding';
import { limitRows } from './row-limits';

const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' } as const;
const DELIMITER_LABELS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'tab']);

/** CSV / TSV / delimited text as a one-sheet source, decoded and parsed as it streams. */
export function openTextSource(filePath: string, fileName: string, head: Buffer, size: number): TableSource {
  const extension = (/\.([^.]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const { encoding, bomLength } = detectEncoding(head);
  const sampleText = makeDecoder(encoding)(head.subarray(bomLength), size <= head.length);
  const { delimiter, consistent, hint } = detectDelimiter(sampleText, extension);
  if (!consistent && !TEXT_EXTENSIONS.has(extension)) {
    refuse('This is a text file, but it does not look like a table (no consistent comma, semicolon or tab between columns). Only CSV and TSV text files can be imported.');
  }
  const format = delimiter === '\t' ? 'tsv' : 'csv';
  const name = fileName.replace(/\.[^.]+$/, '') || 'Sheet1';
  return {
    format,
    date1904: false,
    text: { encoding: ENCODING_LABELS[encoding], delimiter: DELIMITER_LABELS[delimiter] ?? delimiter },
    sheets: [{ index: 0, name, hidden: false, estimatedRows: null }],
    rows(sheet, options = {}) {
      if (sheet !== 0) refuse('A text file has only one sheet.');
      return limitRows(readRecords(filePath, size, bomLength, encoding, delimiter, hint, options), options);
    },
    close() {},
  };
}

async function* readRecords(
  filePath: string,
  size: number,
  bomLength: number,
  encoding: Parameters<typeof makeDecoder>[0],
  delimiter: string,
  skipSepLine: boolean,
  options: ReadOptions,
): AsyncGenerator<SheetRow[]> {
  const decode = makeDecoder(encoding);
  const parser = new DelimitedParser(delimiter);
  const stream = fs.createReadStream(filePath, { start: bomLength, highWaterMark: 1024 * 1024 });
  let record = 0;
  let bytes = bomLength;
  let skip = skipSepLine;
  const toRows = (records: string[][]): SheetRow[] => {
    const out: SheetRow[] = [];
    for (const cells of records) {
      if (skip) {
        skip = false;
        continue;
      }
      record++;
      out.push({ row: record, cells });
    }
    return out;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) refuse('Cancelled.');
      bytes += chunk.length;
      const rows = toRows(parser.push(decode(chunk, false)));
      options.onProgress?.(size > 0 ? bytes / size : 1);
      if (rows.length > 0) yield rows;
      if (record > LIMITS.maxRows + 10) break;
    }
    const rest = toRows([...parser.push(decode(Buffer.alloc(0), true)), ...parser.finish()]);
    if (rest.length > 0) yield rest;
  } finally {
    stream.destroy();
  }
}
