// A random summit with a Marketplace and a dense programme around it, deterministic for a seed, for
// comparing the slot list (the TypeScript engine) with the booking (the SQL function marketplace_book).
// Every delegation has one person with an address (its delegate, who signs in) and may have more
// without; the programme has sessions at the tables (room hosts) and elsewhere and with no room,
// participants that name a person (with or without a delegation) or a delegation, in presence and
// other roles, some not confirmed, sessions that overlap a slot in part and each other, and two
// planted patterns where peak load (not a count of overlapping sessions) decides.
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import type { Role } from '../../shared/schemas/enums.ts';
import { PRESENCE_ROLES, ROLES } from '../../shared/domain/vocabulary.ts';
import { random } from './large-summit.ts';

const DAY = '2099-12-10';
/** Minutes after midnight UTC on the Marketplace's day, as an instant. */
export const at = (minutes: number) =>
  `${DAY}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}Z`;

const NAMES = [
  'Moldova',
  'The Gambia',
  'ICMPD',
  'IOM',
  'Morocco',
  'Ecuador',
  'Philippines',
  'UNHCR',
  'Mexico',
  'Germany',
];
const NEED_TITLES = [
  'Diaspora engagement strategy',
  'Reintegration of returnees',
  'Labour migration data',
  'Skills partnerships',
  'Remittance costs',
  'Border management training',
  'Climate mobility plan',
  'Consular assistance',
];
/** Roles that commit a delegation (the Marketplace's own, owner and provider, left to consultations). */
const PRESENCE: readonly Role[] = ROLES.filter(
  (r) => PRESENCE_ROLES.has(r) && r !== 'owner' && r !== 'provider',
);
const ABSENCE: readonly Role[] = ['participant', 'observer', 'visitor'];
const KINDS = ['plenary', 'roundtable', 'side_event', 'special_session', 'meeting'] as const;

/** The delegates who sign in: one per delegation index, the same addresses in every seed's summit. */
export const DELEGATES = NAMES.length;
export const delegateEmail = (i: number) => `d${i}@equivalence.example`;

export type EquivalenceSummit = {
  file: SummitFileInput;
  slug: string;
  cap: number | null;
  /** By index: key, name, size; delegate `i` signs in as delegateEmail(i). */
  delegations: { key: string; name: string; size: number }[];
  needs: { key: string; owner: number }[];
  /** Planted: a delegation (index) whose load at this slot start is a matter of peak, not count. */
  planted: { delegation: number; start: string }[];
};

type Participant = { person?: string; delegation?: string; role: Role; confirmed?: boolean };

export function equivalenceSummit(seed: number, cap: number | null): EquivalenceSummit {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const shuffled = <T>(xs: readonly T[]) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const slug = `equivalence-${seed}`;

  // Sizes 0, 1 and 2 always, the rest mostly small.
  const sizes = shuffled([0, 1, 2, 2, ...NAMES.slice(4).map(() => pick([0, 1, 1, 2, 2, 3]))]);
  const delegations = NAMES.map((name, i) => ({ key: `D${i}`, name, size: sizes[i]! }));
  const people: { key: string; name: string; email?: string; delegation?: string }[] = [];
  const peopleOf = new Map<number, string[]>();
  delegations.forEach((d, i) => {
    const keys = [`p-d${i}`];
    people.push({ key: `p-d${i}`, name: `Delegate ${i}`, email: delegateEmail(i), delegation: d.key });
    for (let j = 0; j < int(3); j++) {
      keys.push(`p-d${i}-${j}`);
      people.push({ key: `p-d${i}-${j}`, name: `Member ${i}.${j}`, delegation: d.key });
    }
    peopleOf.set(i, keys);
  });
  const free = Array.from({ length: 3 }, (_, j) => `p-free-${j}`);
  for (const key of free)
    people.push({ key, name: `Expert ${key.slice(7)}`, email: `${key}@equivalence.example` });

  // Tables and windows: 30- or 20-minute slots from 09:00, sometimes a second window that starts
  // half a slot later, so that slots (and the requests in them) overlap each other in part.
  const slotMinutes = pick([30, 30, 20]);
  const tableCount = 3 + int(2);
  const tables = Array.from({ length: tableCount }, (_, i) => `t${i + 1}`);
  const rooms = [
    ...tables.map((key, i) => ({ key, name: `Table ${i + 1}`, capacity: 12 })),
    { key: 'hall', name: 'Main Hall', capacity: 500 },
    { key: 'annex', name: 'Annex', capacity: 80 },
  ];
  const w0 = 9 * 60;
  const w1 = w0 + slotMinutes * (slotMinutes === 30 ? 5 : 7);
  const segments = [{ key: 'mp-1', kind: 'marketplace', title: 'Marketplace', start: at(w0), end: at(w1) }];
  if (rnd() < 0.5) {
    const s = w0 + slotMinutes * 2 + slotMinutes / 2;
    segments.push({
      key: 'mp-2',
      kind: 'marketplace',
      title: 'Marketplace (late tables)',
      start: at(s),
      end: at(s + slotMinutes * 2),
    });
  }
  const slotStarts = Array.from({ length: (w1 - w0) / slotMinutes }, (_, k) => w0 + k * slotMinutes);

  const titles: string[] = [];
  const sessions: NonNullable<SummitFileInput['sessions']> = [];
  const session = (start: number, end: number, room: string | undefined, participants: Participant[]) => {
    const n = sessions.length;
    // Now and then a title said twice: the reason lists it once.
    const title = titles.length > 2 && rnd() < 0.1 ? pick(titles) : `Session ${n + 1}`;
    titles.push(title);
    const unique = [
      ...new Map(participants.map((p) => [`${p.person ?? `#${p.delegation}`}|${p.role}`, p])).values(),
    ];
    sessions.push({
      key: `s-${n + 1}`,
      kind: pick(KINDS),
      title,
      ...(room && { room }),
      start: at(start),
      end: at(end),
      participants: unique,
    });
  };
  const someone = (): Participant => {
    const r = rnd();
    const role = rnd() < 0.7 ? pick(PRESENCE) : pick(ABSENCE);
    const confirmed = rnd() < 0.15 ? { confirmed: false } : rnd() < 0.2 ? { confirmed: true } : {};
    if (r < 0.5) return { person: pick(peopleOf.get(int(delegations.length))!), role, ...confirmed };
    if (r < 0.62) return { person: pick(free), role, ...confirmed };
    return { delegation: pick(delegations).key, role, ...confirmed };
  };

  // Planted: a delegation of two in two 20-minute sessions that both overlap a slot but not each
  // other (peak 1: bookable if nothing else), and one in three sessions overlapping each other and
  // the slot (peak 3), one of them not confirmed.
  const planted: EquivalenceSummit['planted'] = [];
  const twos = delegations.flatMap((d, i) => (d.size === 2 ? [i] : []));
  const [a, b] = shuffled(twos);
  {
    const s = pick(slotStarts);
    const p = peopleOf.get(a!)!;
    session(s - 10, s + 10, 'hall', [{ person: pick(p), role: 'speaker' }, someone()]);
    session(s + 10, s + 30, pick(['annex', undefined]), [{ delegation: `D${a}`, role: 'panellist' }]);
    planted.push({ delegation: a!, start: at(s) });
  }
  {
    const s = pick(slotStarts);
    session(s, s + slotMinutes, 'annex', [{ delegation: `D${b}`, role: 'organiser' }]);
    session(s + 5, s + 20, undefined, [{ person: pick(peopleOf.get(b!)!), role: 'moderator' }, someone()]);
    session(s - 15, s + 10, 'hall', [{ person: pick(peopleOf.get(b!)!), role: 'rapporteur' }]);
    // Commits no one of it: not confirmed, or not a presence role.
    session(s - 30, s + 5, 'hall', [
      { delegation: `D${b}`, role: 'co_chair', confirmed: false },
      { person: pick(peopleOf.get(b!)!), role: 'observer' },
    ]);
    planted.push({ delegation: b!, start: at(s) });
  }
  // The rest at random around the windows: at a table (it hosts the session), elsewhere, nowhere.
  const count = 14 + int(8);
  for (let k = 0; k < count; k++) {
    const start = w0 - 40 + 5 * int((w1 - w0 + 40) / 5);
    const end = start + pick([10, 15, 20, 25, 30, 40, 45, 60, 90]);
    const r = rnd();
    const room = r < 0.12 ? pick(tables) : r < 0.6 ? pick(['hall', 'annex']) : undefined;
    session(
      start,
      end,
      room,
      Array.from({ length: 1 + int(4) }, () => someone()),
    );
  }

  // Needs: four owners, one or two needs each.
  const owners = shuffled(delegations.map((_, i) => i)).slice(0, 4);
  const needTitles = shuffled(NEED_TITLES);
  const needs = owners.flatMap((owner, i) =>
    Array.from({ length: 1 + int(2) }, (_, j) => ({ key: `n-${i}-${j}`, owner })),
  );

  const file: SummitFileInput = {
    format: 'summit/1',
    summit: {
      slug,
      name: `Equivalence summit ${seed}`,
      timeZone: 'Africa/Casablanca',
      startDate: '2099-12-09',
      endDate: '2099-12-11',
    },
    rooms,
    segments: segments as SummitFileInput['segments'],
    delegations: delegations.map((d) => ({ ...d, kind: 'member_state' as const })),
    people,
    sessions,
    marketplace: {
      slotMinutes,
      tables,
      segments: segments.map((s) => s.key),
      ...(cap !== null && { capPerDelegation: cap }),
      needs: needs.map((n, i) => ({
        key: n.key,
        owner: `D${n.owner}`,
        title: needTitles[i % needTitles.length]!,
        objectives: [1 + (i % 23)],
      })),
    },
  };
  return { file, slug, cap, delegations, needs, planted };
}
