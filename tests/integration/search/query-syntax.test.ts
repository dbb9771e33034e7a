import { describe, expect, it } from 'vitest';
import { dateFacets } from '../../../main/search/facets';
import { parseSearchText } from '../../../main/search/query-syntax';

describe('search text → FTS5 expression', () => {
  it('quotes every word, ANDs them, and ORs in the phrase that ranks adjacency higher', () => {
    expect(parseSearchText('priority tickets ').expression).toBe('("priority tickets" OR ("priority" AND "tickets"))');
    expect(parseSearchText('support').expression).toBe('"support"*');
    expect(parseSearchText('support ').expression).toBe('"support"');
  });

  it('prefixes the last word only while it is being typed and long enough', () => {
    expect(parseSearchText('priority tick').expression).toBe('("priority tick"* OR ("priority" AND "tick"*))');
    expect(parseSearchText('priority tic').expression).toBe('("priority tic" OR ("priority" AND "tic"))');
    expect(parseSearchText('the').expression).toBe('"the"'); // "the*" would merge hundreds of words' lists
  });

  it('keeps quoted phrases as phrases, even unterminated ones', () => {
    expect(parseSearchText('"data migration" weekend ').expression).toBe('"weekend" AND "data migration"');
    expect(parseSearchText('"data migr').expression).toBe('"data migr"');
  });

  it('turns operators and punctuation into words or nothing', () => {
    expect(parseSearchText('NEAR(a b) OR body:x* -y ^z').expression).toBe(
      '("NEAR a b OR body x y z" OR ("NEAR" AND "a" AND "b" AND "OR" AND "body" AND "x" AND "y" AND "z"))',
    );
    expect(parseSearchText('(*^-:")').expression).toBeNull();
    expect(parseSearchText('').expression).toBeNull();
    expect(parseSearchText('Müller’s café').words).toEqual(['Müller', 's', 'café']);
  });

  it('caps a pasted paragraph at 32 words', () => {
    expect(parseSearchText(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).words).toHaveLength(32);
    expect(parseSearchText(`"${'p '.repeat(40)}" tail`).words).toHaveLength(32);
  });
});

describe('date facets for a date filter', () => {
  it('covers the inclusive range with whole years, whole months and edge days', () => {
    expect(dateFacets('2025-11-30', '2026-02-01')).toEqual(['dy20251130', 'mo202512', 'mo202601', 'dy20260201']);
    expect(dateFacets('2026-03-31', '2026-03-31')).toEqual(['dy20260331']);
    expect(dateFacets('2024-01-01', '2025-12-31')).toEqual(['yr2024', 'yr2025']);
    expect(dateFacets('2023-12-31', '2025-02-28')).toEqual(['dy20231231', 'yr2024', 'mo202501', 'mo202502']);
  });
  it('stays short for any range: at most about 60 days and 22 months beside the years', () => {
    // 30 + 30 edge days, 11 + 11 edge months, and the 29 whole years between.
    expect(dateFacets('2000-01-02', '2030-12-30')).toHaveLength(30 + 11 + 29 + 11 + 30);
  });
});
