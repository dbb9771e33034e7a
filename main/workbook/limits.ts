/**
 * Every bound the importer holds a file to. A hostile or broken file must be refused in bounded time
 * and memory, so each stage checks one of these before it spends anything on the next.
 */
export const LIMITS = {
  /** Bytes of one uploaded file. */
  maxFileBytes: 256 * 1024 * 1024,
  /** Rows holding values, per sheet (Excel itself stops at 1,048,576). */
  maxRows: 500_000,
  /** Columns holding values. */
  maxColumns: 1_000,
  /** Characters in one cell (Excel's own limit). */
  maxCellChars: 32_767,
  /** Entries in a zip container (real workbooks have tens to a few hundred). */
  maxZipEntries: 10_000,
  /** Inflated bytes of one zip entry, and of all entries we read together. */
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalInflatedBytes: 2 * 1024 * 1024 * 1024,
  /** Shared strings are held in memory while the sheet streams: a tighter bound. */
  maxSharedStringsBytes: 200 * 1024 * 1024,
  /** Inflate ratio of an entry; real sheets stay under ~100:1, deflate bombs reach 1000:1. */
  maxCompressionRatio: 250,
  /** The ratio only matters once an entry is big enough to hurt. */
  ratioCheckFromBytes: 8 * 1024 * 1024,
  /** Small package parts (workbook, rels, styles) are read whole. */
  maxPartBytes: 32 * 1024 * 1024,
  /** Sheets listed and sampled at inspection. */
  maxSheets: 200,
  sampleRows: 40,
  /** Problems kept per preview; the counts stay exact beyond it. */
  maxProblems: 50_000,
} as const;
