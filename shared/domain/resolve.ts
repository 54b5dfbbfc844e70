// Turns validated summit-file items into the domain model, checking what a schema alone cannot:
// references between lists, times in the summit's zone, end after start, matching durations.
// Every problem is collected (never thrown) so that a bad file is answered with all of them.
import { languagesOf } from './languages.ts';
import { joinPath, type Problem, type ProblemParams, problem } from '../schemas/problems.ts';
import type {
  DelegationItem,
  ParticipantItem,
  PersonItem,
  RoomItem,
  SegmentItem,
  SessionItem,
  SummitItem,
} from '../schemas/summit-file.ts';
import type { Delegation, Participant, Person, Room, Segment, Session, Summit } from './programme.ts';
import { parseTime } from './time.ts';

/** Keys known to exist (a Set, or a Map from key to id). */
export type KeySet = { has(key: string): boolean };

/** What an item may refer to: the keys that exist in its summit, and the summit's zone. */
export type ResolveContext = {
  timeZone: string;
  rooms: KeySet;
  segments: KeySet;
  delegations: KeySet;
  people: KeySet;
};

export type Resolved<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

class Collector {
  readonly errors: Problem[] = [];
  constructor(private readonly base: string) {}
  add(field: string, message: string, code: string, params?: ProblemParams): void {
    this.errors.push(problem(joinPath(this.base, field), message, code, params));
  }
  time(field: string, text: string | undefined, timeZone: string): number | null {
    if (text === undefined) return null;
    const ms = parseTime(text, timeZone);
    if (ms === null) this.add(field, `not a valid time: "${text}"`, 'timeInvalid', { value: text });
    return ms;
  }
  ref(field: string, key: string | undefined, known: KeySet, what: string): string | null {
    if (key === undefined) return null;
    if (!known.has(key)) this.add(field, `unknown ${what} "${key}"`, 'unknownKey', { kind: what, key });
    return key;
  }
  done<T>(value: T): Resolved<T> {
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

export function resolveSummit(item: SummitItem, base = 'summit'): Resolved<Summit> {
  const c = new Collector(base);
  if (item.endDate < item.startDate) c.add('endDate', 'must not be before startDate', 'endBeforeStart');
  const proposalDeadline = c.time('proposalDeadline', item.proposalDeadline, item.timeZone);
  return c.done({
    slug: item.slug,
    name: item.name,
    theme: item.theme,
    venue: item.venue,
    timeZone: item.timeZone,
    startDate: item.startDate,
    endDate: item.endDate,
    proposalDeadline,
    travelMinutes: item.travelMinutes,
    language: item.language,
  });
}

export function resolveRoom(item: RoomItem): Resolved<Room> {
  return { ok: true, value: { ...item, building: item.building ?? null } };
}

export function resolveDelegation(item: DelegationItem): Resolved<Delegation> {
  return { ok: true, value: { ...item } };
}

export function resolveSegment(item: SegmentItem, ctx: ResolveContext, base: string): Resolved<Segment> {
  const c = new Collector(base);
  const start = c.time('start', item.start, ctx.timeZone);
  const end = c.time('end', item.end, ctx.timeZone);
  if (start !== null && end !== null && end <= start) c.add('end', 'must be after start', 'endAfterStart');
  return c.done({ key: item.key, kind: item.kind, title: item.title, start: start ?? 0, end: end ?? 0 });
}

export function resolvePerson(item: PersonItem, ctx: ResolveContext, base: string): Resolved<Person> {
  const c = new Collector(base);
  const delegation = c.ref('delegation', item.delegation, ctx.delegations, 'delegation');
  return c.done({
    key: item.key,
    name: item.name,
    email: item.email ?? null,
    delegation,
    title: item.title ?? null,
    language: item.language ?? null,
  });
}

export function resolveParticipants(
  items: readonly ParticipantItem[],
  ctx: ResolveContext,
  base: string,
): Resolved<Participant[]> {
  const c = new Collector(base);
  const seen = new Set<string>();
  const value = items.map((p, i): Participant => {
    const person = c.ref(`[${i}].person`, p.person, ctx.people, 'person');
    const delegation = c.ref(`[${i}].delegation`, p.delegation, ctx.delegations, 'delegation');
    const id = `${person ?? ''}|${delegation ?? ''}|${p.role}`;
    if (seen.has(id))
      c.add(
        `[${i}]`,
        `lists ${p.person ? `person "${p.person}"` : `delegation "${p.delegation}"`} as ${p.role} twice`,
        'participantTwice',
        { kind: p.person ? 'person' : 'delegation', key: (p.person ?? p.delegation)!, role: p.role },
      );
    seen.add(id);
    return { person, delegation, role: p.role, ...(p.confirmed !== undefined && { confirmed: p.confirmed }) };
  });
  return c.done(value);
}

export function resolveSession(item: SessionItem, ctx: ResolveContext, base: string): Resolved<Session> {
  const c = new Collector(base);
  const segment = c.ref('segment', item.segment, ctx.segments, 'segment');
  const room = c.ref('room', item.room, ctx.rooms, 'room');
  const start = c.time('start', item.start, ctx.timeZone);
  const end = c.time('end', item.end, ctx.timeZone);
  let durationMinutes = item.durationMinutes ?? 0;
  if ((item.start === undefined) !== (item.end === undefined)) {
    c.add(
      item.start === undefined ? 'start' : 'end',
      'start and end are given together or not at all',
      'startAndEnd',
    );
  } else if (start !== null && end !== null) {
    const minutes = (end - start) / 60_000;
    if (end <= start) c.add('end', 'must be after start', 'endAfterStart');
    else if (item.durationMinutes !== undefined && item.durationMinutes !== minutes) {
      c.add(
        'durationMinutes',
        `is ${item.durationMinutes} but start to end is ${minutes} minutes`,
        'durationDiffers',
        {
          duration: item.durationMinutes,
          minutes,
        },
      );
    } else if (!Number.isInteger(minutes))
      c.add('end', 'must be a whole number of minutes after start', 'wholeMinutes');
    else durationMinutes = minutes;
  } else if (item.start === undefined && item.durationMinutes === undefined) {
    c.add('durationMinutes', 'is required for a session without start and end', 'durationNeeded');
  }
  const preferredStarts = (item.preferredStarts ?? []).map(
    (t, i) => c.time(`preferredStarts[${i}]`, t, ctx.timeZone) ?? 0,
  );
  const participants = resolveParticipants(item.participants, ctx, joinPath(base, 'participants'));
  if (!participants.ok) c.errors.push(...participants.errors);
  return c.done({
    key: item.key,
    kind: item.kind,
    title: item.title,
    segment,
    room,
    start,
    end,
    durationMinutes,
    preferredStarts,
    expectedAttendance: item.expectedAttendance ?? null,
    equipment: item.equipment,
    microphones: item.microphones ?? null,
    pinned: item.pinned,
    status: item.status,
    participants: participants.ok ? participants.value : [],
    ...languagesOf(item),
  });
}
