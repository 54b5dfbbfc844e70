// Which rooms can hold a proposal, as the review desk shows them beside it: seats for the larger of
// the expected attendance and the capacity asked for, the equipment asked for (interpretation
// booths when languages are asked for) and enough microphones, as the accepted proposal's session
// will ask of its room (server/modules/proposals/proposals.session.ts).
import type { Equipment } from '../../../../shared/domain/vocabulary.ts';
import type { ProposalDraft } from '../../../../shared/schemas/proposal.ts';
import type { RoomItem } from '../../../../shared/schemas/summit-file.ts';

export type Needs = { seats: number; equipment: Equipment[]; microphones: number };
export type Shortfall =
  | { kind: 'seats'; has: number; needs: number }
  | { kind: 'equipment'; missing: Equipment[] }
  | { kind: 'microphones'; has: number; needs: number };
export type Room = Pick<RoomItem, 'key' | 'name' | 'capacity' | 'equipment' | 'microphones'>;

export function needsOf(p: Pick<ProposalDraft, 'expectedAttendance' | 'requirements'>): Needs {
  const r = p.requirements ?? {};
  const equipment = [...(r.equipment ?? [])];
  if (r.interpretation?.length && !equipment.includes('interpretation')) equipment.push('interpretation');
  return {
    seats: Math.max(p.expectedAttendance ?? 0, r.capacity ?? 0),
    equipment,
    microphones: r.microphones ?? 0,
  };
}

export function shortfalls(room: Room, needs: Needs): Shortfall[] {
  const out: Shortfall[] = [];
  if (room.capacity < needs.seats) out.push({ kind: 'seats', has: room.capacity, needs: needs.seats });
  const missing = needs.equipment.filter((e) => !room.equipment.includes(e));
  if (missing.length > 0) out.push({ kind: 'equipment', missing });
  if (room.microphones < needs.microphones)
    out.push({ kind: 'microphones', has: room.microphones, needs: needs.microphones });
  return out;
}

/** The rooms that can hold it, the closest in size first; then the others with what they lack. */
export function roomsFor<R extends Room>(
  rooms: readonly R[],
  needs: Needs,
): { fit: R[]; short: { room: R; shortfalls: Shortfall[] }[] } {
  const judged = rooms.map((room) => ({ room, shortfalls: shortfalls(room, needs) }));
  return {
    fit: judged
      .filter((j) => j.shortfalls.length === 0)
      .map((j) => j.room)
      .sort((a, b) => a.capacity - b.capacity || a.name.localeCompare(b.name)),
    short: judged.filter((j) => j.shortfalls.length > 0),
  };
}
