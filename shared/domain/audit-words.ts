// The audit log in words: what was done to which item, named as people name it, and each change as
// "Room: Menara → Atlas". One reading of a line for every language: the server says it in English
// (the API's `what` and `changes`), the client in the reader's language, each through its own
// `AuditWords`. Keys of rooms, segments, delegations, people and sessions are read back as their
// names (the line's `names`); times are the summit's wall clock the line recorded, 24-hour.

export type NameKind = 'room' | 'segment' | 'delegation' | 'person' | 'session';
/** Names by "kind:key" ("room:menara" → "Menara"), as the API gives them with each line. */
export type LineNames = Record<string, string>;
export type Change = { field: string; before: string | null; after: string | null };
export type AuditLine = {
  action: string;
  entity: string;
  entityKey: string | null;
  before: unknown;
  after: unknown;
};

/** The words of one language. */
export interface AuditWords {
  /** "Changed session “Roundtable 2.2”", "Imported summit “GFMD 2018”", "Published the programme". */
  line(action: string, entity: string, name: string | null): string;
  /** "Gave the role of focal point of Morocco to a@b.org". */
  roleLine(action: string, role: string, delegation: string | null, email: string): string;
  field(entity: string, name: string): string;
  /** A kind, status or role as a word. */
  word(entity: string, field: string, value: string): string;
  yes: string;
  no: string;
  none: string;
  /** "no. 12": an item known by its number only. */
  numbered(key: string): string;
  release(n: number): string;
  /** "Room double-booked: “A”, “B” (accepted: the hall is split)". */
  accepted(code: string, sessions: string[], message: string | null, reason: string | null): string;
  /** "Daniela Morari of Moldova (moderator, not confirmed yet)". */
  participant(who: string[], role: string, pending: boolean): string;
  /** A recorded day: "Fri 7 Dec". */
  day(date: string): string;
  /** A language by its name ("French"), from its ISO 639-1 code. */
  language(code: string): string;
  list(items: string[]): string;
}

export const REFERENCES = new Set<string>(['room', 'segment', 'delegation', 'person', 'session']);
const LANGUAGE_FIELDS = new Set(['language', 'languages', 'interpretation']);
const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

const asObject = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Every name a line refers to, as [kind, key]: the server looks them up, the client reads them. */
export function referencesOf(line: AuditLine): [NameKind, string][] {
  const out: [NameKind, string][] = [];
  if (REFERENCES.has(line.entity) && line.entityKey) out.push([line.entity as NameKind, line.entityKey]);
  const visit = (field: string, v: unknown) => {
    if (typeof v === 'string' && REFERENCES.has(field)) out.push([field as NameKind, v]);
    else if (Array.isArray(v)) for (const x of v) visit(field, x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (field === 'acceptedConflicts' && Array.isArray(o.sessions))
        for (const s of o.sessions) if (typeof s === 'string') out.push(['session', s]);
      for (const [k, x] of Object.entries(o)) visit(k, x);
    }
  };
  for (const side of [line.before, line.after])
    for (const [k, v] of Object.entries(asObject(side))) visit(k, v);
  return out;
}

export function describeLine(line: AuditLine, names: LineNames, w: AuditWords) {
  const name = (kind: string, key: string) => names[`${kind}:${key}`];

  /** A recorded time, "2018-12-07T10:00+01:00", as "10:00", with its day when the other side's differs. */
  const clock = (value: string, other: unknown) => {
    const [, date, time] = WALL.exec(value)!;
    const otherDate = typeof other === 'string' ? WALL.exec(other)?.[1] : undefined;
    return otherDate === date ? time! : `${w.day(date!)} ${time}`;
  };
  const participant = (p: Record<string, unknown>) => {
    const who = [
      typeof p.person === 'string' ? (name('person', p.person) ?? p.person) : null,
      typeof p.delegation === 'string' ? (name('delegation', p.delegation) ?? p.delegation) : null,
    ].filter((x) => x !== null);
    const role = typeof p.role === 'string' ? w.word('participant', 'role', p.role) : '';
    return w.participant(who, role, p.confirmed === false);
  };
  const value = (field: string, v: unknown, other: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (REFERENCES.has(field)) return name(field, v) ?? v;
      if (LANGUAGE_FIELDS.has(field)) return w.language(v);
      if (WALL.test(v)) return clock(v, other);
      return field === 'kind' || field === 'status' || field === 'role' ? w.word(line.entity, field, v) : v;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return w.none;
      if (field === 'participants') return w.list(v.map((p) => participant(asObject(p))));
      return w.list(v.map((x) => item(field, x)));
    }
    return item(field, v);
  };
  /** One element of a list, or a nested object, in words. */
  const item = (field: string, x: unknown): string => {
    if (typeof x !== 'object' || x === null) return value(field, x, undefined);
    const o = x as Record<string, unknown>;
    // An accepted conflict: what it is and why it was accepted.
    if (typeof o.message === 'string' || (typeof o.code === 'string' && Array.isArray(o.sessions)))
      return w.accepted(
        typeof o.code === 'string' ? o.code : '',
        (Array.isArray(o.sessions) ? o.sessions : []).map((s) =>
          typeof s === 'string' ? (name('session', s) ?? s) : String(s),
        ),
        typeof o.message === 'string' ? o.message : null,
        typeof o.reason === 'string' && o.reason ? o.reason : null,
      );
    if (typeof o.number === 'number') return w.release(o.number);
    return Object.entries(o)
      .map(([k, v]) => `${w.field(line.entity, k)}: ${value(k, v, undefined)}`)
      .join(', ');
  };

  const before = asObject(line.before);
  const after = asObject(line.after);
  const changes = (): Change[] => {
    if (line.action === 'delete' || line.action === 'revoke') return [];
    // JSONB keeps an object's keys by length: put them in the order people read an item.
    const rank = (f: string) => (ORDER.indexOf(f) + ORDER.length + 1) % (ORDER.length + 1);
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
      (a, b) => rank(a) - rank(b) || a.localeCompare(b),
    );
    return fields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      .filter((f) => line.action === 'update' || f !== 'key')
      .map((f) => ({
        field: w.field(line.entity, f),
        before: f in before ? value(f, before[f], after[f]) : null,
        after: f in after ? value(f, after[f], before[f]) : null,
      }));
  };
  const what = (): string => {
    const item = { ...before, ...after };
    if (line.entity === 'programme') return w.line(line.action, 'programme', null);
    if (line.entity === 'role' && typeof item.role === 'string') {
      const d = typeof item.delegation === 'string' ? (name('delegation', item.delegation) ?? null) : null;
      return w.roleLine(line.action, item.role, d, String(item.email ?? ''));
    }
    const own =
      typeof item.name === 'string' ? item.name : typeof item.title === 'string' ? item.title : null;
    const known =
      REFERENCES.has(line.entity) && line.entityKey ? name(line.entity, line.entityKey) : undefined;
    return w.line(
      line.action,
      line.entity,
      known ?? own ?? (line.entityKey ? w.numbered(line.entityKey) : null),
    );
  };
  return { what: what(), changes: changes() };
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

/** "expectedAttendance" → "expected attendance": a name the code gives, as words. */
export const codeWords = (name: string): string =>
  name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

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
const ROLE_WORDS: Record<string, string> = {
  support_unit: 'support unit',
  focal_point: 'focal point',
  delegate: 'delegate',
  visitor: 'visitor',
};
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** The API's English. */
export const englishAuditWords: AuditWords = {
  line: (action, entity, name) => {
    const a = ACTIONS[action] ?? codeWords(action);
    if (entity === 'programme') return `${a} the programme`;
    return `${a} ${codeWords(entity)}${name ? ` “${name}”` : ''}`;
  },
  roleLine: (action, role, delegation, email) =>
    `${ACTIONS[action] ?? codeWords(action)} the role of ${ROLE_WORDS[role] ?? codeWords(role)}${delegation ? ` of ${delegation}` : ''} to ${email}`,
  field: (_entity, name) => capital(FIELDS[name] ?? codeWords(name)),
  word: (_entity, _field, value) => codeWords(value),
  yes: 'yes',
  no: 'no',
  none: 'none',
  numbered: (key) => `no. ${key}`,
  release: (n) => `release ${n}`,
  accepted: (_code, _sessions, message, reason) => {
    const said = message ?? '';
    return reason ? `${said} (accepted: ${reason})` : said;
  },
  participant: (who, role, pending) =>
    `${who.join(' of ')}${role ? ` (${role}${pending ? ', not confirmed yet' : ''})` : ''}`,
  day: (date) => dayFormat.format(new Date(`${date}T00:00Z`)),
  language: (code) => languageNames.of(code) ?? code,
  list: (items) => items.join('; '),
};
