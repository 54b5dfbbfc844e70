// A whole programme filed for a full report. Each key (room, person, delegation) is looked up once
// per mention and turned into a number; sessions are then filed by counting sort into compressed
// rows (group g holds ranks[start[g]] … ranks[start[g + 1] - 1], in start order). No list per
// group, no map per group: at 50,000 sessions this is where a report spends most of its time.
import { PRESENCE_ROLES } from '../vocabulary.ts';
import { byStart, sideOrOfficial, type Lookups, type Timed } from './prepare.ts';

/** Numbers for keys, in order of first mention. */
class Interner {
  readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.push(key) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** Sessions by group, in start order. */
export type Rows = { keys: readonly string[]; start: Int32Array; ranks: Int32Array };

/** (group, rank) pairs as they come, in rank order; filed into rows by counting sort. */
class Pairs {
  private groups: number[] = [];
  private ranks: number[] = [];
  add(group: number, rank: number): void {
    this.groups.push(group);
    this.ranks.push(rank);
  }
  rows(keys: readonly string[]): Rows {
    const start = new Int32Array(keys.length + 1);
    for (const g of this.groups) start[g + 1]!++;
    for (let g = 0; g < keys.length; g++) start[g + 1]! += start[g]!;
    const next = start.slice(0, keys.length);
    const ranks = new Int32Array(this.ranks.length);
    // Pairs came in rank order, so each group's ranks stay in start order.
    for (let i = 0; i < this.groups.length; i++) ranks[next[this.groups[i]!]!++] = this.ranks[i]!;
    return { keys, start, ranks };
  }
}

export type Filed = {
  /** Sessions with a time, in start order. */
  timed: Timed[];
  byRoom: Rows;
  byPerson: Rows;
  /** Delegations committed (by a presence role, themselves or through their people). */
  byDelegation: Rows;
  /** Side events and official sessions by the delegations taking part in any role. */
  byParticipant: Rows;
};

export function file(l: Lookups): Filed {
  const timed: Timed[] = [];
  for (const session of l.input.sessions) {
    if (session.start === null || session.end === null) continue;
    timed.push({
      session,
      start: session.start,
      end: session.end,
      room: session.room !== null ? (l.rooms.get(session.room) ?? null) : null,
      segment: session.segment !== null ? (l.segments.get(session.segment) ?? null) : null,
    });
  }
  timed.sort(byStart);

  const rooms = new Interner();
  const people = new Interner();
  const delegations = new Interner();
  // A person's delegation, by person number (-1: none); people named but not listed have none.
  const delegationOf: number[] = [];
  for (const p of l.input.people) {
    people.id(p.key);
    delegationOf.push(p.delegation === null ? -1 : delegations.id(p.delegation));
  }
  const [byRoom, byPerson, byDelegation, byParticipant] = [
    new Pairs(),
    new Pairs(),
    new Pairs(),
    new Pairs(),
  ];
  const seenPeople: number[] = [];
  const seenCommitted: number[] = [];
  const seenTakingPart: number[] = [];
  for (let rank = 0; rank < timed.length; rank++) {
    const c = timed[rank]!;
    if (c.room) byRoom.add(rooms.id(c.room.key), rank);
    const side = sideOrOfficial(c.session);
    seenPeople.length = seenCommitted.length = seenTakingPart.length = 0;
    for (const p of c.session.participants) {
      if (p.confirmed === false) continue; // a request not confirmed yet commits nobody
      const presence = PRESENCE_ROLES.has(p.role);
      let delegation = -1;
      if (p.person !== null) {
        const person = people.id(p.person);
        delegation = delegationOf[person] ?? -1;
        if (presence && !seenPeople.includes(person)) {
          seenPeople.push(person);
          byPerson.add(person, rank);
        }
      } else if (p.delegation !== null) delegation = delegations.id(p.delegation);
      if (delegation < 0) continue;
      if (presence && !seenCommitted.includes(delegation)) {
        seenCommitted.push(delegation);
        byDelegation.add(delegation, rank);
      }
      if (side && !seenTakingPart.includes(delegation)) {
        seenTakingPart.push(delegation);
        byParticipant.add(delegation, rank);
      }
    }
  }
  return {
    timed,
    byRoom: byRoom.rows(rooms.keys),
    byPerson: byPerson.rows(people.keys),
    byDelegation: byDelegation.rows(delegations.keys),
    byParticipant: byParticipant.rows(delegations.keys),
  };
}

/** Calls `visit` with the key and number of each group that holds sessions. */
export function eachGroup(rows: Rows, visit: (key: string, group: number) => void): void {
  for (let g = 0; g < rows.keys.length; g++) if (rows.start[g]! < rows.start[g + 1]!) visit(rows.keys[g]!, g);
}

/** A group's sessions, in start order. */
export function sessionsOf(timed: readonly Timed[], rows: Rows, group: number): Timed[] {
  const list: Timed[] = [];
  for (let i = rows.start[group]!, to = rows.start[group + 1]!; i < to; i++)
    list.push(timed[rows.ranks[i]!]!);
  return list;
}
