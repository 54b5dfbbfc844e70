// The audit log in words: what was done to which item, named as people name it, and each change
// as "Room: Menara → Atlas". Keys of rooms, segments, delegations, people and sessions are read
// back as their names (an item deleted since keeps the name its own line recorded); times are the
// summit's wall clock the line recorded, on the 24-hour clock.
import type { Executor } from '../../db/client.ts';
import {
  loadDelegations,
  loadPeople,
  loadRooms,
  loadSegments,
  loadSessions,
} from '../programme/programme.service.ts';
import type { AuditRow } from './audit.repo.ts';

export type Change = { field: string; before: string | null; after: string | null };
export type DescribedRow = AuditRow & { what: string; changes: Change[] };

type Names = Record<'room' | 'segment' | 'delegation' | 'person' | 'session', Map<string, string>>;

const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  import: 'Imported',
  replace: 'Replaced',
  grant: 'Gave',
  revoke: 'Took back',
  resend: 'Sent again',
  sign_out_everywhere: 'Signed out everywhere:',
  publish: 'Published',
  accept_conflicts: 'Accepted hard conflicts of',
  submit: 'Submitted',
  withdraw: 'Withdrew',
  accept: 'Accepted',
  reject: 'Declined',
  request_changes: 'Asked for changes to',
  extend_deadline: 'Extended the deadline of',
  accept_late: 'Took late',
  comment: 'Commented on',
  report: 'Reported on',
  request: 'Requested',
  decline: 'Declined',
  cancel: 'Cancelled',
  join: 'Joined',
  observe: 'Observes',
  record_outcome: 'Recorded the outcome of',
  schedule: 'Scheduled',
};

const FIELDS: Record<string, string> = {
  durationMinutes: 'Length (minutes)',
  changeoverMinutes: 'Changeover (minutes)',
  travelMinutes: 'Walk between buildings (minutes)',
  expectedAttendance: 'Expected attendance',
  preferredStarts: 'Preferred starts',
  acceptedConflicts: 'Accepted hard conflicts',
  email: 'E-mail address',
  startDate: 'First day',
  endDate: 'Last day',
  timeZone: 'Time zone',
  language: 'Language',
  proposalDeadline: 'Proposal deadline',
};

/** "expectedAttendance" → "Expected attendance". */
const words = (name: string) =>
  name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
const label = (field: string) => {
  const w = FIELDS[field] ?? words(field);
  return w.charAt(0).toUpperCase() + w.slice(1);
};

const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
/** A recorded time, "2018-12-07T10:00+01:00", as "10:00", with its day when the other side's differs. */
function clock(value: string, other: unknown): string {
  const [, date, time] = WALL.exec(value)!;
  const otherDate = typeof other === 'string' ? WALL.exec(other)?.[1] : undefined;
  if (otherDate === date) return time!;
  return `${dayFormat.format(new Date(`${date}T00:00Z`))} ${time}`;
}

const REFERENCES = new Set(['room', 'segment', 'delegation', 'person', 'session']);

function participant(p: Record<string, unknown>, names: Names): string {
  const who = [
    typeof p.person === 'string' ? (names.person.get(p.person) ?? p.person) : null,
    typeof p.delegation === 'string' ? (names.delegation.get(p.delegation) ?? p.delegation) : null,
  ].filter((w) => w !== null);
  const role = typeof p.role === 'string' ? words(p.role) : '';
  const pending = p.confirmed === false ? ', not confirmed yet' : '';
  return `${who.join(' of ')}${role ? ` (${role}${pending})` : ''}`;
}

function value(field: string, v: unknown, other: unknown, names: Names): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (REFERENCES.has(field)) return names[field as keyof Names].get(v) ?? v;
    if (WALL.test(v)) return clock(v, other);
    return field === 'kind' || field === 'status' || field === 'role' ? words(v) : v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    if (field === 'participants')
      return v.map((p) => participant(p as Record<string, unknown>, names)).join('; ');
    return v.map((x) => item(field, x, names)).join('; ');
  }
  return item(field, v, names);
}

/** One element of a list, or a nested object, in words. */
function item(field: string, x: unknown, names: Names): string {
  if (typeof x !== 'object' || x === null) return value(field, x, undefined, names);
  const o = x as Record<string, unknown>;
  // An accepted conflict: its sentence and why it was accepted.
  if (typeof o.message === 'string') return o.reason ? `${o.message} (accepted: ${o.reason})` : o.message;
  if (typeof o.number === 'number') return `release ${o.number}`;
  return Object.entries(o)
    .map(([k, v]) => `${label(k)}: ${value(k, v, undefined, names)}`)
    .join(', ');
}

const ORDER = [
  'key',
  'name',
  'title',
  'kind',
  'status',
  'segment',
  'room',
  'start',
  'end',
  'durationMinutes',
];

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields that differ (an update), or what a new line recorded (anything else with an "after"). */
export function changesOf(row: Pick<AuditRow, 'action' | 'before' | 'after'>, names: Names): Change[] {
  const before = asObject(row.before);
  const after = asObject(row.after);
  if (row.action === 'delete' || row.action === 'revoke') return [];
  // JSONB keeps an object's keys by length: put them in the order people read an item.
  const rank = (f: string) => (ORDER.indexOf(f) + ORDER.length + 1) % (ORDER.length + 1);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .filter((f) => row.action === 'update' || f !== 'key')
    .map((f) => ({
      field: label(f),
      before: f in before ? value(f, before[f], after[f], names) : null,
      after: f in after ? value(f, after[f], before[f], names) : null,
    }));
}

const ROLE_WORDS: Record<string, string> = {
  support_unit: 'support unit',
  focal_point: 'focal point',
  delegate: 'delegate',
  visitor: 'visitor',
};

/** The item a line is about, by its name. */
function subject(row: AuditRow, names: Names): string | null {
  const item = { ...asObject(row.before), ...asObject(row.after) };
  if (row.entity === 'role' && typeof item.role === 'string') {
    const d = typeof item.delegation === 'string' ? names.delegation.get(item.delegation) : undefined;
    return `${ROLE_WORDS[item.role] ?? words(item.role)}${d ? ` of ${d}` : ''} to ${item.email}`;
  }
  if (row.entity === 'programme') return null;
  const own = typeof item.name === 'string' ? item.name : typeof item.title === 'string' ? item.title : null;
  const known =
    REFERENCES.has(row.entity) && row.entityKey
      ? names[row.entity as keyof Names].get(row.entityKey)
      : undefined;
  return known ?? own ?? (row.entityKey ? `no. ${row.entityKey}` : null);
}

export function what(row: AuditRow, names: Names): string {
  const action = ACTIONS[row.action] ?? words(row.action);
  if (row.entity === 'programme') return `${action} the programme`;
  if (row.entity === 'role') return `${action} the role of ${subject(row, names)}`;
  const name = subject(row, names);
  return `${action} ${words(row.entity)}${name ? ` “${name}”` : ''}`;
}

async function namesIn(db: Executor, summitId: number, sessionKeys: string[]): Promise<Names> {
  const byKey = <T extends { key: string }>(items: T[], name: (i: T) => string) =>
    new Map(items.map((i) => [i.key, name(i)]));
  return {
    room: byKey(await loadRooms(db, summitId), (r) => r.name),
    segment: byKey(await loadSegments(db, summitId), (s) => s.title),
    delegation: byKey(await loadDelegations(db, summitId), (d) => d.name),
    person: byKey(await loadPeople(db, summitId), (p) => p.name),
    session: byKey(
      sessionKeys.length ? await loadSessions(db, summitId, { keys: sessionKeys }) : [],
      (s) => s.title,
    ),
  };
}

const noNames = (): Names => ({
  room: new Map(),
  segment: new Map(),
  delegation: new Map(),
  person: new Map(),
  session: new Map(),
});

/** Each line with `what` and `changes`, names read from its summit as it is now. */
export async function describe(db: Executor, rows: AuditRow[]): Promise<DescribedRow[]> {
  const bySummit = new Map<number, Names>();
  for (const summitId of new Set(rows.flatMap((r) => (r.summitId === null ? [] : [r.summitId])))) {
    const keys = rows
      .filter((r) => r.summitId === summitId && r.entity === 'session' && r.entityKey)
      .map((r) => r.entityKey!);
    bySummit.set(summitId, await namesIn(db, summitId, [...new Set(keys)]));
  }
  return rows.map((r) => {
    const names = (r.summitId !== null && bySummit.get(r.summitId)) || noNames();
    return { ...r, what: what(r, names), changes: changesOf(r, names) };
  });
}
