// The identifiers the frab/pretalx schemas constrain, from any slug and key Convene accepts.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { acronymOf, eventSlug, isoSeconds } from '../../../../server/modules/exports/frab.ts';
import type { ExportSession } from '../../../../server/modules/exports/published-programme.ts';

const session = (id: number, key: string) => ({ id, key }) as ExportSession;
// The schemas' patterns (XSD acronym and voc-slug-new, JSON acronym and slug), anchored as XSD anchors.
const XSD_ACRONYM = /^[a-z0-9_-]{4,}$/;
const JSON_ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
const XSD_SLUG = /^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/;
const JSON_SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

describe('frab identifiers', () => {
  it('maps summit slugs to acronyms both schemas accept', () => {
    const slugs = ['gfmd-2018', 'ab', 'x-1', '2018', '--', 'gfmd-2018-marrakesh'];
    const acronyms = slugs.map(acronymOf);
    expect(acronyms).toEqual(['gfmd_2018', 'ab__', 'x_1_', '2018', '____', 'gfmd_2018_marrakesh']);
    expect(acronyms.filter((a) => !XSD_ACRONYM.test(a) || !JSON_ACRONYM.test(a))).toEqual([]);
  });

  it('makes event slugs both schemas accept, from keys with dots, tildes, colons and capitals', () => {
    const slugs = [
      session(1, 'opening'),
      session(42, 'SE.Capacity~Building:2018'),
      session(7, 'a'),
      session(3, '9:~'),
    ].map((s) => eventSlug(acronymOf('ab'), s));
    expect(slugs).toEqual([
      'ab__-1-opening',
      'ab__-42-se-capacity-building-2018',
      'ab__-7-session-a',
      'ab__-3-session-9',
    ]);
    expect(slugs.filter((s) => !XSD_SLUG.test(s) || !JSON_SLUG.test(s))).toEqual([]);
  });

  it('writes times with seconds and the zone’s offset of that day', () => {
    expect(isoSeconds(Date.UTC(2018, 11, 5, 8), 'Africa/Casablanca')).toBe('2018-12-05T09:00:00+01:00');
    expect(isoSeconds(Date.UTC(2026, 1, 20, 9), 'Africa/Casablanca')).toBe('2026-02-20T09:00:00+00:00');
    expect(isoSeconds(Date.UTC(2026, 1, 20, 9, 0, 7, 900), 'Asia/Kathmandu')).toBe(
      '2026-02-20T14:45:07+05:45',
    );
  });

  it('agrees with Temporal every 97 minutes across the changes of Casablanca, St John’s and Berlin in 2026', () => {
    const zones = ['Africa/Casablanca', 'America/St_Johns', 'Europe/Berlin'];
    const wrong = zones.flatMap((zone) =>
      Array.from({ length: 6_000 }, (_, i) => Date.UTC(2026, 0, 1) + i * 97 * 60_000).flatMap((ms) => {
        const expected = Temporal.Instant.fromEpochMilliseconds(ms)
          .toZonedDateTimeISO(zone)
          .toString({ smallestUnit: 'second', timeZoneName: 'never' });
        return isoSeconds(ms, zone) === expected ? [] : [[zone, ms]];
      }),
    );
    expect(wrong).toEqual([]);
  });
});
