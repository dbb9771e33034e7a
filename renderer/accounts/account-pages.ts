/** Rows arrive in pages of this size as the person scrolls (the contract allows up to 1000). */
export const PAGE_SIZE = 200;

/** The pages that hold rows first..last (inclusive), clipped to the list. */
export function pagesForRange(first: number, last: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / pageSize));
  const to = Math.min(Math.floor((total - 1) / pageSize), Math.floor(Math.max(first, last) / pageSize));
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

/** Clamps a remembered row index to the current list, e.g. after rows were deleted elsewhere. */
export function clampIndex(index: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(Math.max(0, index), total - 1);
}
