// The pair rows of the placement model (placement-model.ts): the soft rules between two sessions
// being placed, each a variable y ≥ 0 forced to 1 by a row "a + b − y ≤ 1" when both sides happen.
import { OFFICIAL_KINDS } from '../conflicts/prepare.ts';
import { isTimed, type Spot } from './candidates.ts';
import { WEIGHTS } from './cost.ts';
import { type Builder, type Col, push } from './placement-rows.ts';
import type { Item, PlacementState } from './placement-state.ts';

/** Changeovers too short between two sessions being placed in one room. */
export function changeovers(b: Builder, p: PlacementState['p'], byRoom: Map<string, Col[]>): void {
  for (const [room, list] of byRoom) {
    const gap = p.rooms.get(room)!.changeoverMinutes * 60_000;
    if (gap <= 0) continue;
    const ending = new Map<number, number[]>();
    const starting = new Map<number, number[]>();
    for (const c of list) {
      push(ending, c.end, c.col);
      push(starting, c.start, c.col);
    }
    for (const [e, a] of ending) {
      for (const [s, z] of starting) {
        if (s < e || s - e >= gap) continue;
        b.row([...a, ...z], 1, b.y(WEIGHTS.CHANGEOVER_TOO_SHORT));
      }
    }
  }
}

/** Walks too short for one person between two sessions being placed, in rooms of two buildings. */
export function walks(
  b: Builder,
  p: PlacementState['p'],
  items: readonly Item[],
  cols: Col[][],
  spotOf: (c: Col) => Spot,
): void {
  const travel = p.input.summit.travelMinutes * 60_000;
  if (travel <= 0) return;
  const byPerson = new Map<string, { c: Col; building: string }[]>();
  items.forEach((item, i) => {
    for (const c of cols[i]!) {
      const building = p.rooms.get(spotOf(c).room)!.building;
      if (building) for (const person of item.people) push(byPerson, person, { c, building });
    }
  });
  for (const list of byPerson.values()) {
    const ending = new Map<number, Map<string, number[]>>();
    const starting = new Map<number, Map<string, number[]>>();
    for (const { c, building } of list) {
      if (!ending.has(c.end)) ending.set(c.end, new Map());
      if (!starting.has(c.start)) starting.set(c.start, new Map());
      push(ending.get(c.end)!, building, c.col);
      push(starting.get(c.start)!, building, c.col);
    }
    for (const [e, endingIn] of ending) {
      for (const [s, startingIn] of starting) {
        if (s < e || s - e >= travel) continue;
        const rows: number[][] = [];
        for (const [building, a] of endingIn) {
          const elsewhere = [...startingIn].filter(([other]) => other !== building).flatMap(([, z]) => z);
          if (elsewhere.length) rows.push([...a, ...elsewhere]);
        }
        if (rows.length === 0) continue;
        const y = b.y(WEIGHTS.TRAVEL_TOO_SHORT);
        for (const row of rows) b.row(row, 1, y);
      }
    }
  }
}

/** Side events over official sessions that a delegation takes part in, both being placed. */
export function sideEventsOverOfficial(b: Builder, items: readonly Item[], cols: Col[][]): void {
  const official = items
    .map((_, i) => i)
    .filter((i) => OFFICIAL_KINDS.has(items[i]!.session.kind) && !isTimed(items[i]!.session));
  if (official.length === 0) return;
  items.forEach((side, a) => {
    if (side.session.kind !== 'side_event' || isTimed(side.session)) return;
    for (const o of official) {
      const shared = side.takesPart.filter((d) => items[o]!.takesPart.includes(d)).length;
      if (shared === 0) continue;
      const byStart = new Map<number, Col[]>();
      for (const c of cols[a]!) push(byStart, c.start, c);
      let y = -1;
      for (const [t, mine] of byStart) {
        const end = mine[0]!.end;
        const over = cols[o]!.filter((c) => c.start < end && c.end > t).map((c) => c.col);
        if (over.length === 0) continue;
        if (y < 0) y = b.y(WEIGHTS.SIDE_EVENT_OVER_OFFICIAL * shared);
        b.row([...mine.map((c) => c.col), ...over], 1, y);
      }
    }
  });
}
