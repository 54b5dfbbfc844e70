import { describe, expect, it } from 'vitest';
import { coverFor, whoIsWhere } from '../../../../shared/domain/coverage.ts';
import type { DelegationItem, PersonItem, SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { demoSummitFile } from '../../../factories/summit-file.ts';

/** Moldova's part of the demo summit, as its agenda reads it. */
function moldova(changes: { size?: number; people?: PersonItem[] } = {}) {
  const file = demoSummitFile();
  const delegation = { ...file.delegations!.find((d) => d.key === 'MDA')!, ...changes } as DelegationItem;
  const people = changes.people ?? (file.people!.filter((p) => p.delegation === 'MDA') as PersonItem[]);
  const mine = new Set(['MDA', ...people.map((p) => p.key)]);
  const sessions = (file.sessions as SessionItem[]).filter((s) =>
    s.participants.some((p) => mine.has(p.delegation ?? p.person ?? '')),
  );
  return { delegation, people, sessions };
}

const OVER = {
  sessions: ['se-mobility-partnerships', 'mp-mda-diaspora', 'se-capacity-building'],
  start: '2018-12-07T07:30:00.000Z',
  end: '2018-12-07T08:00:00.000Z',
  message: 'Republic of Moldova has 2 delegates but is committed to 3 sessions…',
};

describe('whoIsWhere', () => {
  it("lists each Moldovan delegate's sessions, then those any delegate may take", () => {
    expect(
      whoIsWhere(moldova()).map((r) => [
        r.person?.name ?? null,
        r.duties.map((d) => `${d.session.key} ${d.roles.join('+')}`),
      ]),
    ).toEqual([
      ['Daniela Morari', ['se-capacity-building moderator']],
      ['Ion Popa', ['se-mobility-partnerships speaker']],
      [null, ['mp-mda-diaspora owner']],
    ]);
  });

  it('leaves out the any-delegate list when every session names one of its people', () => {
    const agenda = moldova();
    const named = { ...agenda, sessions: agenda.sessions.filter((s) => s.key !== 'mp-mda-diaspora') };
    expect(whoIsWhere(named).map((r) => r.person?.name ?? null)).toEqual(['Daniela Morari', 'Ion Popa']);
  });
});

describe('coverFor', () => {
  it('finds nobody of Moldova free at 08:30–09:00, and one session too many', () => {
    const cover = coverFor(moldova(), OVER);
    expect({
      posts: cover.posts.map((p) => [
        p.session.key,
        p.people.map((x) => `${x.person.name} ${x.roles.join()}`),
      ]),
      free: cover.free.map((p) => p.name),
      unnamed: cover.unnamed,
      tooMany: cover.tooMany,
    }).toEqual({
      posts: [
        ['se-mobility-partnerships', ['Ion Popa speaker']],
        ['mp-mda-diaspora', []],
        ['se-capacity-building', ['Daniela Morari moderator']],
      ],
      free: [],
      unnamed: 0,
      tooMany: 1,
    });
  });

  it('names a third delegate as free to cover the consultation when the delegation has three', () => {
    const third = { key: 'p-third', name: 'Ana Rusu', delegation: 'MDA' } as PersonItem;
    const agenda = moldova({ size: 3, people: [...moldova().people, third] });
    const cover = coverFor(agenda, OVER);
    expect([cover.free.map((p) => p.name), cover.unnamed, cover.tooMany]).toEqual([['Ana Rusu'], 0, 0]);
  });

  it('counts delegates of its size not registered by name', () => {
    const cover = coverFor(moldova({ size: 4 }), OVER);
    expect([cover.free, cover.unnamed, cover.tooMany]).toEqual([[], 2, 0]);
  });
});
