/**
 * Turns what a person typed into an FTS5 expression that cannot fail to parse: only runs of letters and
 * digits reach FTS5, each inside double quotes, so quotes, parentheses, colons, AND/OR/NEAR, asterisks and
 * minus signs in the input are words or nothing, never syntax.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORDS = 32;
/** Shorter prefixes expand to too many index terms to stay fast. */
const MIN_PREFIX_LENGTH = 4;

const quote = (words: readonly string[]) => `"${words.join(' ')}"`;

export interface ParsedSearch {
  /** null when the text holds no word at all. */
  expression: string | null;
  words: string[];
}

/**
 * Every bare word must appear (porter-stemmed); a quoted part must appear as a phrase. With several bare
 * words the same words as a phrase are OR-ed in: the set of matches stays the same, but bm25 scores the
 * phrase as one more matching term, so text that has the words together ranks above text that has them
 * scattered. The last word also matches as a prefix while the person is still typing it.
 */
export function parseSearchText(text: string): ParsedSearch {
  const segments = text.split('"');
  const bare: string[] = [];
  const phrases: string[][] = [];
  segments.forEach((segment, index) => {
    const words = segment.match(WORD) ?? [];
    if (index % 2 === 1) {
      if (words.length > 0) phrases.push(words);
    } else bare.push(...words);
  });
  if (bare.length + phrases.length === 0) return { expression: null, words: [] };
  limitWords(bare, phrases);

  const typingLastBareWord = segments.length % 2 === 1 && /[\p{L}\p{N}]$/u.test(text) && (segments.at(-1)?.match(WORD)?.length ?? 0) > 0;
  const last = bare.at(-1);
  const prefix = typingLastBareWord && last !== undefined && last.length >= MIN_PREFIX_LENGTH ? '*' : '';

  const parts: string[] = [];
  if (bare.length > 0) {
    const terms = bare.map((word, i) => quote([word]) + (i === bare.length - 1 ? prefix : ''));
    const allTerms = terms.length === 1 ? terms[0]! : `(${terms.join(' AND ')})`;
    parts.push(bare.length > 1 ? `(${quote(bare)}${prefix} OR ${allTerms})` : allTerms);
  }
  for (const phrase of phrases) parts.push(quote(phrase));
  return { expression: parts.join(' AND '), words: [...bare, ...phrases.flat()] };
}

/** Keeps the first MAX_WORDS words, bare words first to go: a pasted paragraph must not become a huge query. */
function limitWords(bare: string[], phrases: string[][]): void {
  let budget = MAX_WORDS;
  phrases.forEach((phrase, i) => {
    phrases[i] = phrase.slice(0, Math.max(0, budget));
    budget -= phrases[i]!.length;
  });
  for (let i = phrases.length - 1; i >= 0; i--) if (phrases[i]!.length === 0) phrases.splice(i, 1);
  bare.splice(Math.max(0, budget));
}
