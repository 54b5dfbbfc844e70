// Reading and writing the summit file (format summit/1) as a whole.
import { languagesOf } from './languages.ts';
import { z } from 'zod';
import { withDefault } from '../schemas/fields.ts';
import { type Problem, problem, zodProblems } from '../schemas/problems.ts';
import {
  delegationSchema,
  personSchema,
  roomSchema,
  segmentSchema,
  sessionSchema,
  summitSchema,
  type DelegationItem,
  type ParticipantItem,
  type PersonItem,
  type RoomItem,
  type SegmentItem,
  type SessionItem,
  type SummitFile,
  type SummitItem,
} from '../schemas/summit-file.ts';
import type {
  Delegation,
  Participant,
  Person,
  Programme,
  Room,
  Segment,
  Session,
  Summit,
} from './programme.ts';
import {
  resolveDelegation,
  resolvePerson,
  resolveRoom,
  resolveSegment,
  resolveSession,
  resolveSummit,
  type ResolveContext,
  type Resolved,
} from './resolve.ts';
import { marketplaceToItem, readMarketplace } from './marketplace-file.ts';
import { formatTime } from './time.ts';

const LIST_SCHEMAS = {
  rooms: roomSchema,
  segments: segmentSchema,
  delegations: delegationSchema,
  people: personSchema,
  sessions: sessionSchema,
} as const;
type ListName = keyof typeof LIST_SCHEMAS;

const envelopeSchema = z.strictObject({
  format: z.literal('summit/1'),
  summit: z.unknown(),
  ...(Object.fromEntries(
    Object.keys(LIST_SCHEMAS).map((l) => [l, withDefault(z.array(z.unknown()), [])]),
  ) as {
    [L in ListName]: ReturnType<typeof withDefault<z.ZodArray<z.ZodUnknown>>>;
  }),
  marketplace: z.unknown().optional(),
});

const rawKey = (item: unknown): string | undefined =>
  typeof item === 'object' && item !== null && typeof (item as { key?: unknown }).key === 'string'
    ? (item as { key: string }).key
    : undefined;

function duplicateKeys(list: string, items: readonly unknown[]): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const key = rawKey(item);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else
      out.push(
        problem(`${list}[${i}].key`, `duplicate key "${key}" (also ${list}[${earlier}])`, 'duplicateKey', {
          key,
        }),
      );
  });
  return out;
}

/**
 * Two people with one e-mail address (in any letter case) are refused: signing in maps an address
 * to the people who have it, so it must name one person.
 */
function duplicateEmails(items: readonly unknown[]): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const email = typeof item === 'object' && item !== null ? (item as { email?: unknown }).email : undefined;
    if (typeof email !== 'string') return;
    const earlier = first.get(email.toLowerCase());
    if (earlier === undefined) first.set(email.toLowerCase(), i);
    else
      out.push(
        problem(
          `people[${i}].email`,
          `duplicate e-mail address "${email}" (also people[${earlier}])`,
          'duplicateEmail',
          { email },
        ),
      );
  });
  return out;
}

/**
 * Validates a parsed JSON document as a summit file. Every item is checked on its own, so that one
 * answer lists every problem of the file by JSON path: shapes, duplicate keys, references, times.
 */
export function readSummitFile(input: unknown): Resolved<Programme> {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) return { ok: false, errors: zodProblems(envelope.error) };
  const file = envelope.data;
  const errors: Problem[] = [];
  const summitItem = summitSchema.safeParse(file.summit);
  if (!summitItem.success) errors.push(...zodProblems(summitItem.error, 'summit'));
  const summit = summitItem.success ? resolveSummit(summitItem.data) : null;
  if (summit && !summit.ok) errors.push(...summit.errors);
  // Keys of items that are themselves invalid still count, so one mistake is reported once.
  const keys = (list: ListName) => new Set(file[list].map(rawKey).filter((k) => k !== undefined));
  const ctx: ResolveContext = {
    timeZone: summitItem.success ? summitItem.data.timeZone : 'UTC',
    rooms: keys('rooms'),
    segments: keys('segments'),
    delegations: keys('delegations'),
    people: keys('people'),
  };
  // biome-ignore lint/suspicious/noExplicitAny: each list's resolver takes that list's parsed item; the loop below pairs them by name
  const resolvers: { [L in ListName]: (item: any, base: string) => Resolved<Programme[L][number]> } = {
    rooms: (r) => resolveRoom(r),
    segments: (s, b) => resolveSegment(s, ctx, b),
    delegations: (d) => resolveDelegation(d),
    people: (p, b) => resolvePerson(p, ctx, b),
    sessions: (s, b) => resolveSession(s, ctx, b),
  };
  const lists = {} as { [L in ListName]: Programme[L] };
  for (const list of Object.keys(LIST_SCHEMAS) as ListName[]) {
    errors.push(...duplicateKeys(list, file[list]));
    if (list === 'people') errors.push(...duplicateEmails(file.people));
    const out: unknown[] = [];
    for (const [i, raw] of file[list].entries()) {
      const base = `${list}[${i}]`;
      const parsed = LIST_SCHEMAS[list].safeParse(raw);
      if (!parsed.success) {
        errors.push(...zodProblems(parsed.error, base));
        continue;
      }
      const resolved = resolvers[list](parsed.data, base);
      if (resolved.ok) out.push(resolved.value);
      else errors.push(...resolved.errors);
    }
    (lists as Record<ListName, unknown[]>)[list] = out;
  }
  const marketplace =
    file.marketplace === undefined || file.marketplace === null
      ? null
      : readMarketplace(file.marketplace, ctx);
  if (marketplace && !marketplace.ok) errors.push(...marketplace.errors);
  if (!summit?.ok || errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { summit: summit.value, ...lists, ...(marketplace?.ok && { marketplace: marketplace.value }) },
  };
}

// ---- writing: the domain model back to file items ----

export function summitToItem(s: Summit): SummitItem {
  return {
    slug: s.slug,
    name: s.name,
    theme: s.theme,
    venue: s.venue,
    timeZone: s.timeZone,
    startDate: s.startDate,
    endDate: s.endDate,
    ...(s.proposalDeadline !== null && { proposalDeadline: formatTime(s.proposalDeadline, s.timeZone) }),
    travelMinutes: s.travelMinutes,
    language: s.language,
  };
}

export function roomToItem(r: Room): RoomItem {
  return {
    key: r.key,
    name: r.name,
    capacity: r.capacity,
    ...(r.building !== null && { building: r.building }),
    equipment: r.equipment,
    microphones: r.microphones,
    changeoverMinutes: r.changeoverMinutes,
  };
}

export function segmentToItem(s: Segment, timeZone: string): SegmentItem {
  return {
    key: s.key,
    kind: s.kind,
    title: s.title,
    start: formatTime(s.start, timeZone),
    end: formatTime(s.end, timeZone),
  };
}

export function delegationToItem(d: Delegation): DelegationItem {
  return { key: d.key, name: d.name, kind: d.kind, size: d.size };
}

export function personToItem(p: Person): PersonItem {
  return {
    key: p.key,
    name: p.name,
    ...(p.email !== null && { email: p.email }),
    ...(p.delegation !== null && { delegation: p.delegation }),
    ...(p.title !== null && { title: p.title }),
    ...(p.language !== null && { language: p.language }),
  };
}

export function participantToItem(p: Participant): ParticipantItem {
  const pending = p.confirmed === false && { confirmed: false };
  return p.person !== null
    ? { person: p.person, role: p.role, ...pending }
    : { delegation: p.delegation ?? '', role: p.role, ...pending };
}

export function sessionToItem(s: Session, timeZone: string): SessionItem {
  const placed = s.start !== null && s.end !== null;
  return {
    key: s.key,
    kind: s.kind,
    title: s.title,
    ...(s.segment !== null && { segment: s.segment }),
    ...(s.room !== null && { room: s.room }),
    ...(placed
      ? { start: formatTime(s.start!, timeZone), end: formatTime(s.end!, timeZone) }
      : { durationMinutes: s.durationMinutes }),
    ...(s.preferredStarts.length > 0 && {
      preferredStarts: s.preferredStarts.map((t) => formatTime(t, timeZone)),
    }),
    ...(s.expectedAttendance !== null && { expectedAttendance: s.expectedAttendance }),
    equipment: s.equipment,
    ...(s.microphones !== null && { microphones: s.microphones }),
    pinned: s.pinned,
    status: s.status,
    participants: s.participants.map(participantToItem),
    ...languagesOf(s),
  };
}

export function writeSummitFile(p: Programme): SummitFile {
  const tz = p.summit.timeZone;
  return {
    format: 'summit/1',
    summit: summitToItem(p.summit),
    rooms: p.rooms.map(roomToItem),
    segments: p.segments.map((s) => segmentToItem(s, tz)),
    delegations: p.delegations.map(delegationToItem),
    people: p.people.map(personToItem),
    sessions: p.sessions.map((s) => sessionToItem(s, tz)),
    ...(p.marketplace && { marketplace: marketplaceToItem(p.marketplace) }),
  };
}
