// The Marketplace's pure rules (docs/marketplace.md): its vocabularies, the slots its tables offer
// inside its windows, how busy a delegation is during a slot, the sentences that say why a slot
// cannot be booked, and the follow-up funnel. Both sides run them; nothing here reads a database.
import type { DelegationKind } from './vocabulary.ts';

export const ASSISTANCE = ['financial', 'technical', 'operational'] as const;
export const OUTCOMES = [
  'no_further_action',
  'project_proposal',
  'followed_up',
  'under_implementation',
  'implemented',
] as const;
export const CONSULTATION_STATUSES = ['requested', 'accepted', 'declined', 'cancelled', 'expired'] as const;
/** Statuses that hold a table and commit the delegations: the exclusion constraint's WHERE. */
export const LIVE_STATUSES = ['requested', 'accepted'] as const;
export const PARTY_ROLES = ['provider', 'observer'] as const;
export const GCM_OBJECTIVES = 23;
export const DEFAULT_SLOT_MINUTES = 30;
export const DEFAULT_EXPIRY_MINUTES = 2880;

export type Assistance = (typeof ASSISTANCE)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A need as the summit file holds it (keys for references). */
export type Need = {
  key: string;
  owner: string;
  title: string;
  description: string | null;
  objectives: number[];
  sdgTargets: string[];
  assistance: Assistance[];
  providerTypes: DelegationKind[];
};

/** The Marketplace of a summit: its tables (room keys), windows (segment keys), rules and needs. */
export type Marketplace = {
  slotMinutes: number;
  tables: string[];
  segments: string[];
  requestExpiryMinutes: number;
  capPerDelegation: number | null;
  needs: Need[];
};

export type Slot = { id: string; room: string; start: number; end: number };

/** A slot's id: its table and its start as a UTC instant, stable while the settings stay. */
export const slotId = (room: string, start: number): string => `${room}@${new Date(start).toISOString()}`;

export function parseSlotId(id: string): { room: string; start: number } | null {
  const at = id.lastIndexOf('@');
  if (at <= 0) return null;
  const start = Date.parse(id.slice(at + 1));
  if (Number.isNaN(start) || new Date(start).toISOString() !== id.slice(at + 1)) return null;
  return { room: id.slice(0, at), start };
}

/** Every slot: each window cut into slotMinutes from its start, at each table; soonest first. */
export function slotsOf(
  windows: readonly { start: number; end: number }[],
  tables: readonly string[],
  slotMinutes: number,
): Slot[] {
  const length = slotMinutes * 60_000;
  const starts = new Set<number>();
  for (const w of windows) for (let t = w.start; t + length <= w.end; t += length) starts.add(t);
  return [...starts]
    .sort((a, b) => a - b)
    .flatMap((start) =>
      tables.map((room) => ({ id: slotId(room, start), room, start, end: start + length })),
    );
}

/**
 * Something a delegation is committed to: a session where it holds a presence role, a request
 * (titled "Marketplace: <need>", with `need` its need's title).
 */
export type Commitment = { title: string; start: number; end: number; need?: string };

/**
 * The most things a delegation is in at once during [start, end) (half-open: one ending at start
 * does not count), and the titles of those overlapping it: all of them (`titles`), those of sessions
 * and the need titles of consultations. A delegation of size N may be in N.
 */
export function peakLoad(
  commitments: readonly Commitment[],
  start: number,
  end: number,
): { peak: number; titles: string[]; sessions: string[]; consultations: string[] } {
  const inside = commitments.filter((c) => c.start < end && start < c.end);
  const edges = inside.flatMap((c) => [
    { at: Math.max(c.start, start), d: 1 },
    { at: Math.min(c.end, end), d: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) {
    now += e.d;
    peak = Math.max(peak, now);
  }
  const unique = (list: (string | undefined)[]) => [...new Set(list.filter((x) => x !== undefined))];
  return {
    peak,
    titles: unique(inside.map((c) => c.title)),
    sessions: unique(inside.map((c) => (c.need === undefined ? c.title : undefined))),
    consultations: unique(inside.map((c) => c.need)),
  };
}

/** "ICMPD, IOM and The Gambia". */
export const andList = (list: readonly string[]): string =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

const quoted = (titles: readonly string[]) => {
  const q = titles.map((t) => `“${t}”`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
};
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** Why a slot cannot be booked, as people read it: names, never keys. */
export const reasons = {
  begun: () => 'This slot has begun',
  tableTaken: (table: string) => `${table} is taken at this time`,
  roomHosts: (room: string, title: string) => `${room} hosts “${title}” then`,
  overCommitted: (delegation: string, size: number, titles: readonly string[]) =>
    size === 0
      ? `${delegation} has no one registered to attend`
      : `${delegation} has ${people(size)} and is committed to ${quoted(titles)} then`,
  capReached: (who: string, cap: number) =>
    `${who} has reached its ${cap} consultation${cap === 1 ? '' : 's'}`,
};

/**
 * Why a slot cannot be booked, for a program: the client says it in the reader's language, and
 * `sayWhy` in English. Names, never keys: `table` is the table's name, `delegation` a delegation's
 * (null in `capReached`: the caller's own), `sessions` the titles of sessions and `consultations`
 * the need titles of Marketplace consultations the delegation is committed to then.
 */
export type SlotWhy =
  | { code: 'begun' }
  | { code: 'tableTaken'; table: string }
  | { code: 'roomHosts'; table: string; session: string }
  | {
      code: 'overCommitted';
      delegation: string;
      size: number;
      sessions: string[];
      consultations: string[];
    }
  | { code: 'capReached'; delegation: string | null; cap: number };

/** How a consultation is titled among a delegation's commitments. */
export const consultationTitle = (need: string) => `Marketplace: ${need}`;

/**
 * A reason as a problem's code and params (shared/schemas/problems.ts), for a refused booking:
 * `slotTableTaken` with `{ table }`. Params are flat: `slotOverCommitted` names no titles (the
 * refusal's `why` has them).
 */
export function whyProblem(why: SlotWhy): { code: string; params: Record<string, string | number> } {
  const code = `slot${why.code[0]!.toUpperCase()}${why.code.slice(1)}`;
  switch (why.code) {
    case 'begun':
      return { code, params: {} };
    case 'tableTaken':
      return { code, params: { table: why.table } };
    case 'roomHosts':
      return { code, params: { table: why.table, session: why.session } };
    case 'overCommitted':
      return { code, params: { delegation: why.delegation, size: why.size } };
    case 'capReached':
      return why.delegation === null
        ? { code: 'slotCapReachedYours', params: { cap: why.cap } }
        : { code, params: { delegation: why.delegation, cap: why.cap } };
  }
}

/** The English sentence of a reason (the API's `reason`). */
export function sayWhy(why: SlotWhy): string {
  switch (why.code) {
    case 'begun':
      return reasons.begun();
    case 'tableTaken':
      return reasons.tableTaken(why.table);
    case 'roomHosts':
      return reasons.roomHosts(why.table, why.session);
    case 'overCommitted':
      return reasons.overCommitted(why.delegation, why.size, [
        ...why.sessions,
        ...why.consultations.map(consultationTitle),
      ]);
    case 'capReached':
      return reasons.capReached(why.delegation ?? 'Your delegation', why.cap);
  }
}

/** Stages of the follow-up funnel each outcome reaches (an outcome counts in every stage before it). */
const STAGE: Record<Outcome, number> = {
  no_further_action: 0,
  project_proposal: 1,
  followed_up: 2,
  under_implementation: 2,
  implemented: 3,
};

export type Funnel = {
  consultations: number;
  projectProposals: number;
  followedUp: number;
  implemented: number;
};

export const emptyFunnel = (): Funnel => ({
  consultations: 0,
  projectProposals: 0,
  followedUp: 0,
  implemented: 0,
});

/** Adds one held consultation with its outcome (null: not recorded yet) to a funnel. */
export function countIn(f: Funnel, outcome: Outcome | null): void {
  const stage = outcome === null ? 0 : STAGE[outcome];
  f.consultations++;
  if (stage >= 1) f.projectProposals++;
  if (stage >= 2) f.followedUp++;
  if (stage >= 3) f.implemented++;
}

/** How much an offer matches a need: shared objectives plus shared kinds of assistance. */
export const overlap = (
  need: { objectives: readonly number[]; assistance: readonly string[] },
  offer: { objectives: readonly number[]; assistance: readonly string[] },
): number =>
  need.objectives.filter((o) => offer.objectives.includes(o)).length +
  need.assistance.filter((a) => offer.assistance.includes(a)).length;
