import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../../../shared/contract';
import { searchQueryInput } from '../../../shared/contract/search';
import { dueText, roughSpan } from '../../../renderer/actions/due-text';
import { hitHref } from '../../../renderer/search/search-result-link';
import { activeFilterCount, NO_SEARCH_FILTERS, searchInput } from '../../../renderer/search/search-store';

const asOf = '2026-03-10T12:00:00.000Z';
const action = (over: Partial<ActionRow>): Pick<ActionRow, 'status' | 'due' | 'contactedAt' | 'closedAt' | 'firstContactDueAt'> => ({
  status: 'open',
  contactedAt: null,
  closedAt: null,
  firstContactDueAt: '2026-03-11T12:00:00.000Z',
  due: { state: 'on_track', nextDueAt: '2026-03-11T12:00:00.000Z', firstContactOverdue: false, closeOverdue: false },
  ...over,
});

describe('dueText', () => {
  it('names the step that is due next and how far away it is', () => {
    expect(dueText(action({}), asOf)).toBe('First contact due in 24 hours');
    expect(dueText(action({ due: { state: 'overdue', nextDueAt: '2026-03-07T12:00:00.000Z', firstContactOverdue: true, closeOverdue: false } }), asOf)).toBe('First contact overdue by 3 days');
    expect(dueText(action({ status: 'contacted', contactedAt: '2026-03-09T00:00:00.000Z', due: { state: 'on_track', nextDueAt: '2026-03-20T12:00:00.000Z', firstContactOverdue: false, closeOverdue: false } }), asOf)).toBe('Close due in 10 days');
    expect(dueText(action({ status: 'closed', closedAt: asOf, due: { state: 'closed', nextDueAt: null, firstContactOverdue: false, closeOverdue: false } }), asOf)).toBe('Closed');
  });

  it('rounds spans the way people say them', () => {
    expect(roughSpan(30_000)).toBe('1 minute');
    expect(roughSpan(-45 * 60_000)).toBe('45 minutes');
    expect(roughSpan(90 * 60_000)).toBe('1 hour');
    expect(roughSpan(5 * 3_600_000)).toBe('5 hours');
  });
});

describe('search helpers', () => {
  it('leaves empty filters out of the query and passes the contract', () => {
    const input = searchInput('response time', { ...NO_SEARCH_FILTERS, category: 'detractor', from: '2026-01-01' }, 50);
    expect(input).toMatchObject({ text: 'response time', category: 'detractor', from: '2026-01-01', limit: 50 });
    expect(input.accountId).toBeUndefined();
    expect(input.sources).toBeUndefined();
    expect(searchQueryInput.safeParse(input).success).toBe(true);
    expect(activeFilterCount({ ...NO_SEARCH_FILTERS, category: 'detractor', sources: ['verbatim'] })).toBe(2);
  });

  it('opens the interview when a hit has one, else the account', () => {
    expect(hitHref({ interviewId: 'i1', accountId: 'a1' })).toBe('/interviews/record/i1');
    expect(hitHref({ interviewId: null, accountId: 'a1' })).toBe('/accounts/a1');
  });
});
