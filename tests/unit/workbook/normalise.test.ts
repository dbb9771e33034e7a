import { describe, expect, test } from 'vitest';
import { booleanOf, levelOf, npsGroupOf, renewalIntentOf, roleOf, tierOf, arrKindOf, actionStatusOf } from '../../../main/workbook/parse/choices';
import { parseEmail, parseScore } from '../../../main/workbook/parse/scalars';

describe('emails, roles and categories are normalised', () => {
  test('emails', () => {
    expect(parseEmail('  Jane.Doe@ACME.com ')).toEqual({ ok: true, value: 'jane.doe@acme.com' });
    expect(parseEmail('Jane Doe <Jane.Doe@Acme.com>')).toEqual({ ok: true, value: 'jane.doe@acme.com' });
    expect(parseEmail('mailto:ops@acme.io')).toEqual({ ok: true, value: 'ops@acme.io' });
    expect(parseEmail('not an email').ok).toBe(false);
    expect(parseEmail('a@b').ok).toBe(false);
    // Plain lower-case addresses pass as they are; the limit on length holds for them too.
    expect(parseEmail('ops.team+nps@acme-corp.co.uk')).toEqual({ ok: true, value: 'ops.team+nps@acme-corp.co.uk' });
    expect(parseEmail(`${'a'.repeat(250)}@b.io`).ok).toBe(false);
    expect(parseEmail('jo@acme').ok).toBe(false);
  });
  test('a choice gives the same answer the second time a text is seen (memo)', () => {
    expect([roleOf('Champion'), roleOf('Champion'), roleOf('nobody'), roleOf('nobody')]).toEqual(['influencer', 'influencer', null, null]);
  });
  test.each([
    ['Decision Maker', 'decision_maker'],
    ['decision-maker', 'decision_maker'],
    ['Economic buyer', 'decision_maker'],
    ['Champion', 'influencer'],
    ['End user', 'user'],
  ])('role %s → %s', (text, role) => expect(roleOf(text)).toBe(role));
  test('levels, tiers, intents, kinds, statuses, booleans, NPS groups', () => {
    expect(levelOf('C-level')).toBe('executive');
    expect(levelOf('Manager')).toBe('management');
    expect(levelOf('Front-line')).toBe('frontline');
    expect(tierOf('mid market')).toBe('Mid-market');
    expect(tierOf('ENTERPRISE')).toBe('Enterprise');
    expect(tierOf('small business')).toBe('SMB');
    expect(tierOf('Galactic')).toBeNull();
    expect(renewalIntentOf('Likely')).toBe('yes');
    expect(renewalIntentOf('not sure')).toBe('unsure');
    expect(arrKindOf('Upsell')).toBe('expansion');
    expect(arrKindOf('Cancelled')).toBe('churn');
    expect(actionStatusOf('Done')).toBe('closed');
    expect(actionStatusOf('In progress')).toBe('contacted');
    expect(booleanOf('Yes')).toBe(true);
    expect(booleanOf('0')).toBe(false);
    expect(booleanOf('perhaps')).toBeNull();
    expect(npsGroupOf('3')).toBe('promoter');
    expect(npsGroupOf('Neutral')).toBe('passive');
    expect(npsGroupOf('Detractor')).toBe('detractor');
  });
  test('scores: whole numbers on the scale only, labels allowed', () => {
    expect(parseScore(9, 0, 10, 'NPS')).toEqual({ ok: true, value: 9 });
    expect(parseScore('10 - Extremely likely', 0, 10, 'NPS')).toEqual({ ok: true, value: 10 });
    expect(parseScore('Extremely likely (10)', 0, 10, 'NPS')).toEqual({ ok: true, value: 10 });
    expect(parseScore(' 0 ', 0, 10, 'NPS')).toEqual({ ok: true, value: 0 });
    expect(parseScore(7.5, 0, 10, 'NPS').ok).toBe(false);
    expect(parseScore(11, 0, 10, 'NPS').ok).toBe(false);
    expect(parseScore('-1', 0, 10, 'NPS').ok).toBe(false);
    expect(parseScore('great', 0, 10, 'NPS').ok).toBe(false);
    expect(parseScore(true, 0, 10, 'NPS').ok).toBe(false);
  });
});
