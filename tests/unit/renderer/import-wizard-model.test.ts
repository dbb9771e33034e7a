import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES } from '../../../shared/contract/workbook';
import type { FieldInfo, PreviewSummary } from '../../../shared/contract/workbook';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/import-export/base64';
import { recordName } from '../../../renderer/import-export/labels';
import {
  answerQuestion,
  assignField,
  choiceText,
  commitBlocker,
  DEFAULT_OPTIONS,
  describeImportRows,
  describeRecordChanges,
  driverKeyFor,
  fieldLabel,
  formatBytes,
  formatMoment,
  isHeaderRow,
  missingRequired,
  optionsForPreview,
  problemLocation,
  progressPercent,
  rowsToWrite,
  stepIndex,
  uploadChunks,
} from '../../../renderer/import-export/wizard-model';

const FIELDS: FieldInfo[] = [
  { key: 'account.name', label: 'Account name', required: true, kind: 'text' },
  { key: 'account.externalId', label: 'External id', required: false, kind: 'text' },
  { key: 'arr.amount', label: 'ARR', required: false, kind: 'money' },
];

function summary(over: Partial<PreviewSummary> = {}): PreviewSummary {
  return {
    sessionId: 'session-1',
    entity: 'accounts',
    rows: { total: 3, new: 2, updated: 0, unchanged: 0, rejected: 1, excluded: 0 },
    records: { account: { new: 2, updated: 0, unchanged: 0 } },
    problems: { errors: 1, warnings: 0 },
    questions: [],
    alreadyImported: null,
    nothingToDo: false,
    ...over,
  };
}

describe('base64 for uploads and downloads', () => {
  it('matches Node’s encoding both ways, including sizes past one slice', () => {
    for (const size of [0, 1, 2, 3, 32_767, 32_768, 100_001]) {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7919) % 256;
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('upload chunks', () => {
  it('cuts a file into 4 MiB pieces at explicit offsets, the last one marked', () => {
    const size = MAX_CHUNK_BYTES * 2 + 5;
    const chunks = uploadChunks(size);
    expect(chunks).toEqual([
      { offset: 0, end: MAX_CHUNK_BYTES, last: false },
      { offset: MAX_CHUNK_BYTES, end: MAX_CHUNK_BYTES * 2, last: false },
      { offset: MAX_CHUNK_BYTES * 2, end: size, last: true },
    ]);
  });

  it('sends one empty last chunk for an empty file, so the core can say it is empty', () => {
    expect(uploadChunks(0)).toEqual([{ offset: 0, end: 0, last: true }]);
  });

  it('a file of exactly one chunk is one last chunk', () => {
    expect(uploadChunks(MAX_CHUNK_BYTES)).toEqual([{ offset: 0, end: MAX_CHUNK_BYTES, last: true }]);
  });
});

describe('mapping edits', () => {
  const mapping = [
    { column: 0, field: 'account.name' },
    { column: 1, field: null },
    { column: 2, field: 'arr.amount' },
  ];

  it('moves a field to the chosen column and clears it where it was', () => {
    const result = assignField(mapping, 1, 'account.name');
    expect(result.movedFrom).toBe(0);
    expect(result.mapping).toEqual([
      { column: 0, field: null },
      { column: 1, field: 'account.name' },
      { column: 2, field: 'arr.amount' },
    ]);
    // The input is not changed.
    expect(mapping[0]!.field).toBe('account.name');
  });

  it('"Don’t import" clears only that column', () => {
    const result = assignField(mapping, 2, null);
    expect(result.movedFrom).toBeNull();
    expect(result.mapping.map((m) => m.field)).toEqual(['account.name', null, null]);
  });

  it('names the required fields no column feeds', () => {
    expect(missingRequired(FIELDS, mapping)).toEqual([]);
    expect(missingRequired(FIELDS, assignField(mapping, 0, null).mapping).map((f) => f.label)).toEqual(['Account name']);
  });

  it('labels fields, including driver ratings that are not in the list', () => {
    expect(fieldLabel(FIELDS, 'arr.amount')).toBe('ARR');
    expect(fieldLabel(FIELDS, 'driver:Support')).toBe('Driver rating: Support');
    expect(driverKeyFor('Q5 / How good is Support?')).toBe('driver:How good is Support?');
    expect(driverKeyFor('  ')).toBe('driver:Driver');
  });
});

describe('review', () => {
  it('counts what a commit writes and says why it cannot run', () => {
    expect(rowsToWrite(summary())).toBe(2);
    expect(commitBlocker(summary())).toBeNull();
    expect(commitBlocker(summary({ questions: [{ kind: 'decimalSeparator', column: 'B (ARR)', message: 'm', examples: ['1.200'], choices: ['.', ','] }] }))).toMatch(/Answer the questions/);
    expect(commitBlocker(summary({ nothingToDo: true, rows: { total: 3, new: 0, updated: 0, unchanged: 0, rejected: 3, excluded: 0 } }))).toMatch(/Every row was rejected/);
    expect(commitBlocker(summary({ nothingToDo: true, rows: { total: 3, new: 0, updated: 0, unchanged: 3, rejected: 0, excluded: 0 } }))).toMatch(/Nothing would change/);
  });

  it('describes record changes in words, leaving unchanged records out', () => {
    expect(describeRecordChanges({ account: { new: 20, updated: 1, unchanged: 4 }, arr_record: { new: 1, updated: 0, unchanged: 0 }, journey_stages: { new: 2, updated: 0, unchanged: 0 } })).toEqual([
      '20 new accounts',
      '1 updated account',
      '1 new ARR record',
      '2 new journey stages',
    ]);
    expect(recordName('interview', 2)).toBe('responses');
  });

  it('says where a problem is', () => {
    expect(problemLocation({ row: 5, column: 'B (Format)' })).toBe('Row 5, column B (Format)');
    expect(problemLocation({ row: 7, column: null })).toBe('Row 7');
  });

  it('describes an import for the history', () => {
    expect(describeImportRows({ rows: { total: 22, new: 20, updated: 1, unchanged: 0, rejected: 0, excluded: 1 } })).toBe('20 new, 1 updated · 1 left out');
    expect(describeImportRows({ rows: { total: 5, new: 0, updated: 0, unchanged: 4, rejected: 1, excluded: 0 } })).toBe('0 new, 0 updated, 4 unchanged · 1 rejected');
  });
});

describe('questions are answered, never guessed', () => {
  it('applies answers to the preview options and ignores answers that are not choices', () => {
    expect(answerQuestion(DEFAULT_OPTIONS, { kind: 'decimalSeparator' }, ',').decimalSeparator).toBe(',');
    expect(answerQuestion(DEFAULT_OPTIONS, { kind: 'decimalSeparator' }, ';')).toBe(DEFAULT_OPTIONS);
    expect(answerQuestion(DEFAULT_OPTIONS, { kind: 'dateOrder' }, 'mdy').dateOrder).toBe('mdy');
    expect(answerQuestion(DEFAULT_OPTIONS, { kind: 'defaultDate' }, '2025-03-31').defaultDate).toBe('2025-03-31');
    expect(answerQuestion(DEFAULT_OPTIONS, { kind: 'defaultDate' }, 'soon')).toBe(DEFAULT_OPTIONS);
  });

  it('sends no empty default date', () => {
    expect(optionsForPreview(DEFAULT_OPTIONS)).toEqual({ decimalSeparator: 'auto', dateOrder: 'auto', responseKind: 'relationship' });
    expect(optionsForPreview({ ...DEFAULT_OPTIONS, defaultDate: '2025-01-02' })).toMatchObject({ defaultDate: '2025-01-02' });
  });

  it('words each choice with a value from the file', () => {
    expect(choiceText('.', '1.200')).toBe('Dot is the decimal separator: “1.200” is about one');
    expect(choiceText(',', '2.500')).toBe('Comma is the decimal separator: “2.500” is about a thousand');
    expect(choiceText('dmy', '03/04/2024')).toBe('Day/month/year: “03/04/2024” is 3 April 2024');
    expect(choiceText('mdy', '03/04/2024')).toBe('Month/day/year: “03/04/2024” is 4 March 2024');
    expect(choiceText('mdy', '13/04/2024')).toBe('Month/day/year (03/31/2025)');
    expect(choiceText('dmy')).toBe('Day/month/year (31/03/2025)');
  });
});

describe('small helpers', () => {
  it('progress is a whole percent, or indeterminate without a total', () => {
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 0)).toBeNull();
    expect(progressPercent(5, null)).toBeNull();
    expect(progressPercent(7, 5)).toBe(100);
  });

  it('marks header rows', () => {
    const header = { first: 2, count: 3 };
    expect([1, 2, 3, 4, 5].map((r) => isHeaderRow(r, header))).toEqual([false, true, true, true, false]);
    expect(isHeaderRow(1, { first: 1, count: 0 })).toBe(false);
  });

  it('formats moments in the workspace locale, and leaves text it cannot read as it is', () => {
    expect(formatMoment('2026-12-05T12:00:00Z', 'en-US')).toMatch(/^Dec 5, 2026/);
    expect(formatMoment('2026-12-05T12:00:00Z', 'de-DE')).toMatch(/^05\.12\.2026/);
    expect(formatMoment('not a date', 'en-US')).toBe('not a date');
  });

  it('formats sizes and orders the steps', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(58_144)).toBe('57 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(stepIndex('file')).toBe(0);
    expect(stepIndex('done')).toBe(4);
  });
});
