import { describe, expect, it } from 'vitest';
import { runningSumText, typedMinutes } from '../../../../client/src/features/proposals/running-sum.ts';
import { translator } from '../../../../client/src/lib/i18n.tsx';

const t = translator('en');

describe('the programme’s running sum, in words', () => {
  it('counts the minutes typed so far; what is not a whole positive number counts nothing', () => {
    expect(
      typedMinutes([
        { minutes: '10' },
        { minutes: '25' },
        { minutes: '' },
        { minutes: '7.5' },
        { minutes: '-5' },
        { minutes: 5 },
      ]),
    ).toBe(40);
    expect(typedMinutes(undefined)).toBe(0);
  });

  it.each([
    [70, 75, '70 of 75 minutes: 5 minutes left to plan.'],
    [75, 75, '75 of 75 minutes: the programme fills the event.'],
    [80, 75, '80 of 75 minutes: 5 minutes too many.'],
    [35, undefined, '35 minutes so far. Give the event’s duration to compare.'],
  ])('says %s against %s', (total, duration, text) => {
    expect(runningSumText(t, total, duration)).toBe(text);
  });
});
