// The side-event session an accepted proposal becomes (as Indico makes a contribution of an
// accepted abstract): unplaced, with what placement needs to place it, and its participants.
import type { Delegation, Participant, Person, Segment, Session } from '../../../shared/domain/programme.ts';
import { languageCodeOf, languagesOf } from '../../../shared/domain/languages.ts';
import type { Equipment } from '../../../shared/domain/vocabulary.ts';
import type { StoredForm } from './proposals.form.ts';

// Titles and honorifics people put before a name on the GFMD form: "H.E. Mr. Paul Robert Tiendrebeogo".
const HONORIFICS = new Set([
  'h',
  'e',
  'he',
  'his',
  'her',
  'excellency',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'hon',
]);

/** A name reduced to compare: no accents, no case, no punctuation, no honorifics in front. */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s.,;]+/)
    .filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.join(' ');
}

/**
 * The person of the summit a name on the form means, where that is known: one person of that
 * name, or among several the one whose delegation the organisation names. Otherwise none.
 */
export function findPerson(
  wanted: { name?: string; organisation?: string },
  people: readonly Person[],
  delegations: ReadonlyMap<string, Delegation>,
): Person | null {
  if (!wanted.name) return null;
  const key = nameKey(wanted.name);
  const same = people.filter((p) => nameKey(p.name) === key);
  if (same.length <= 1) return same[0] ?? null;
  const org = wanted.organisation?.toLowerCase();
  if (!org) return null;
  const theirs = same.filter((p) => {
    const d = p.delegation === null ? undefined : delegations.get(p.delegation);
    return d !== undefined && (org.includes(d.name.toLowerCase()) || d.name.toLowerCase().includes(org));
  });
  return theirs.length === 1 ? theirs[0]! : null;
}

// A window's title says which meal it is ("Side events (breakfast)"); a reception is an evening's.
const FORMAT_WORDS: Record<string, RegExp> = {
  breakfast: /breakfast/i,
  lunch: /lunch/i,
  reception: /reception|evening/i,
  standard: /./,
};

/**
 * The side-event window an accepted proposal asks for: among the side-event windows of its format,
 * the one its first fitting preferred start falls in, or the only one there is. Otherwise none,
 * and placement looks in every side-event window of the summit (candidates.ts: windowsOf).
 */
/** The side-event windows of a proposal's format. */
const windowsOfFormat = (form: StoredForm, segments: readonly Segment[]) => {
  const word = FORMAT_WORDS[form.format ?? 'standard']!;
  return segments.filter((s) => s.kind === 'side_events' && word.test(s.title));
};

export function windowOf(form: StoredForm, segments: readonly Segment[]): string | null {
  const windows = windowsOfFormat(form, segments);
  const length = (form.durationMinutes ?? 0) * 60_000;
  for (const t of form.preferredStarts ?? []) {
    const start = Date.parse(t);
    const fits = windows.find((w) => w.start <= start && start + length <= w.end);
    if (fits) return fits.key;
  }
  return windows.length === 1 ? windows[0]!.key : null;
}

/**
 * The session of an accepted proposal, in the side-event window of its format (windowOf). It asks for a room of the larger of the expected attendance
 * and the capacity the organisers asked for, since placement and the conflict rules know only the
 * attendance; interpretation languages ask for interpretation booths and become the session's.
 */
export function sessionOfProposal(
  key: string,
  form: StoredForm,
  people: readonly Person[],
  delegationList: readonly Delegation[],
  segments: readonly Segment[],
): Session {
  const delegations = new Map(delegationList.map((d) => [d.key, d]));
  const participants: Participant[] = [];
  const add = (p: Participant) => {
    const same = participants.some(
      (q) => q.role === p.role && q.person === p.person && q.delegation === p.delegation,
    );
    if (!same) participants.push(p);
  };
  for (const o of form.organisers ?? [])
    if (o.delegation && delegations.has(o.delegation))
      add({ delegation: o.delegation, person: null, role: 'organiser' });
  const moderator = form.moderator && findPerson(form.moderator, people, delegations);
  if (moderator) add({ person: moderator.key, delegation: null, role: 'moderator' });
  for (const panellist of form.panellists ?? []) {
    const person = findPerson(panellist, people, delegations);
    if (person) add({ person: person.key, delegation: null, role: 'panellist' });
  }
  const segment = windowOf(form, segments);
  const asked = (form.preferredStarts ?? []).map((t) => Date.parse(t));
  // With several windows of its format and no preferred start, the session has no window, and
  // placement looks in every side-event window: the start of each window of its format that it
  // fits in becomes a preferred start, so that it keeps to its format wherever one has room.
  const length = (form.durationMinutes ?? 0) * 60_000;
  const preferredStarts =
    segment === null && asked.length === 0
      ? windowsOfFormat(form, segments)
          .filter((w) => w.end - w.start >= length)
          .map((w) => w.start)
      : asked;
  const r = form.requirements ?? {};
  const seats = Math.max(form.expectedAttendance ?? 0, r.capacity ?? 0);
  const equipment = new Set<Equipment>(r.equipment ?? []);
  if (r.interpretation?.length) equipment.add('interpretation');
  // The languages typed on the form ("French", "es"), as codes; one that cannot be told is left out.
  const interpretation = [...new Set((r.interpretation ?? []).map(languageCodeOf).filter((c) => c !== null))];
  return {
    key,
    kind: 'side_event',
    title: form.title!,
    segment,
    room: null,
    start: null,
    end: null,
    durationMinutes: form.durationMinutes!,
    preferredStarts,
    expectedAttendance: seats > 0 ? seats : null,
    equipment: [...equipment],
    microphones: r.microphones ?? null,
    pinned: false,
    status: 'draft',
    participants,
    ...languagesOf({ interpretation }),
  };
}
