// What a refused booking is offered instead: the next bookable slots for the same parties, soonest
// first. Every loser of a rush asks for them, so they are cheap by construction: which tables are
// taken comes from a board each process reads at most every BOARD_MS for the whole Marketplace (one
// light query, shared by every refusal meanwhile); the parties are then checked, fresh, on the first
// free candidates alone (their commitments in that span and the cap), not on the whole Marketplace.
// An alternative is advice: booking it is checked again, under the locks, like any booking.
import type { Slot } from '../../../shared/domain/marketplace.ts';
import type { Executor } from '../../db/client.ts';
import * as repo from './marketplace.repo.ts';
import { PRESENCE_ROLES } from '../../../shared/domain/vocabulary.ts';
import { allSlots, type Parties, type World, whyNot } from './marketplace.slots.ts';
import { push } from '../../../shared/domain/resolution/placement-rows.ts';

/** How many free tables are checked for the parties: enough that a busy delegation still finds some. */
const CANDIDATES = 40;
/** How old the board of taken tables may be. */
export const BOARD_MS = 250;

type Board = {
  read: number;
  taken: Map<number, { start: number; end: number }[]>;
  /** The free slots of a slot list (allSlots' shared lists), worked out once per board. */
  free: WeakMap<readonly Slot[], { list: Slot[]; ids: Set<string> }>;
};
const boards = new Map<number, Promise<Board>>();

async function readBoard(
  db: Executor,
  summitId: number,
  settings: repo.SettingsRow,
  now: number,
): Promise<Board> {
  const taken = new Map<number, { start: number; end: number }[]>();
  for (const r of await repo.tableOccupancy(
    db,
    summitId,
    settings.tables.map((t) => t.id),
    now,
  )) {
    push(taken, r.roomId, r);
  }
  return { read: Date.now(), taken, free: new WeakMap() };
}

/** The board, read again when older than BOARD_MS; concurrent callers share one read. */
async function boardOf(db: Executor, summitId: number, settings: repo.SettingsRow, now: number) {
  const held = boards.get(summitId);
  if (held) {
    const board = await held.catch(() => null);
    if (board && Date.now() - board.read < BOARD_MS) return board;
    if (boards.get(summitId) !== held) return boardOf(db, summitId, settings, now);
  }
  const reading = readBoard(db, summitId, settings, now);
  boards.set(summitId, reading);
  reading.catch(() => boards.delete(summitId));
  return reading;
}

/** The free slots a refusal may offer, from the board: the first CANDIDATES after `now`, and their span. */
export type Offer = {
  candidates: Slot[];
  /** From the first candidate's start to the latest end: where the parties' commitments matter. */
  during: { from: number; to: number } | null;
  /** Whether the board shows `except` (the slot asked for) taken. */
  takenOnBoard: boolean;
};

export async function offerFor(
  db: Executor,
  summitId: number,
  settings: repo.SettingsRow,
  except: string,
  now: number,
): Promise<Offer> {
  const board = await boardOf(db, summitId, settings, now);
  const slots = allSlots(settings);
  let free = board.free.get(slots);
  if (!free) {
    const tableId = new Map(settings.tables.map((t) => [t.key, t.id]));
    const list = slots.filter(
      (s) => !(board.taken.get(tableId.get(s.room)!) ?? []).some((t) => t.start < s.end && s.start < t.end),
    );
    free = { list, ids: new Set(list.map((s) => s.id)) };
    board.free.set(slots, free);
  }
  const candidates: Slot[] = [];
  for (const s of free.list) {
    if (s.start <= now || s.id === except) continue;
    candidates.push(s);
    if (candidates.length === CANDIDATES) break;
  }
  const during = candidates.length
    ? { from: candidates[0]!.start, to: Math.max(...candidates.map((s) => s.end)) }
    : null;
  return { candidates, during, takenOnBoard: !free.ids.has(except) };
}

/** The candidates the parties can take, given their commitments in the offer's span and live counts. */
export function bookableAmong(
  offer: Offer,
  settings: repo.SettingsRow,
  parties: Parties,
  now: number,
  commitments: Map<number, { title: string; start: number; end: number }[]>,
  liveCount: Map<number, number>,
  limit = 5,
): string[] {
  // The tables are the board's business: only the parties are checked here.
  const world: World = {
    settings,
    now,
    byDelegation: new Map(parties.check.map((d) => [d.key, commitments.get(d.id) ?? []])),
    byRoom: new Map(),
    liveByRoom: new Map(),
    liveCount,
  };
  return offer.candidates
    .filter((s) => whyNot(world, s, parties, { table: false }) === null)
    .slice(0, limit)
    .map((s) => s.id);
}

/** The next bookable slots for the parties, soonest first, besides `except`. */
export async function alternatives(
  db: Executor,
  summitId: number,
  settings: repo.SettingsRow,
  parties: Parties,
  except: string,
  now: number,
  limit = 5,
): Promise<string[]> {
  const offer = await offerFor(db, summitId, settings, except, now);
  if (!offer.during) return [];
  const ids = parties.check.map((d) => d.id);
  const [commitments, liveCount] = await Promise.all([
    repo.commitmentsOf(db, ids, offer.during, now, [...PRESENCE_ROLES]),
    settings.capPerDelegation === null ? new Map<number, number>() : repo.countLive(db, summitId, ids, now),
  ]);
  return bookableAmong(offer, settings, parties, now, commitments, liveCount, limit);
}
