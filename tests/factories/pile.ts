// A summit piled high: `perSlot` sessions in each of `slots` one-hour slots of one room, each
// naming a person of Moldova, so that every pair in a slot double-books the room, the person and
// the delegation. The shape of the outside review's 10,000-session pile, at any size.
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { smallSummitFile } from './summit-file.ts';

export function pileSummitFile(opts: {
  slots: number;
  perSlot: number;
  rooms?: number;
  slug?: string;
}): SummitFileInput {
  const base = smallSummitFile();
  const rooms = Array.from({ length: opts.rooms ?? 1 }, (_, i) => ({
    key: `hall-${i + 1}`,
    name: `Hall ${i + 1}`,
    capacity: 200,
    building: 'Conference Centre',
    equipment: [],
    microphones: 4,
    changeoverMinutes: 15,
  }));
  const pad = (n: number) => String(n).padStart(2, '0');
  const sessions = [];
  for (let slot = 0; slot < opts.slots; slot++) {
    const day = 5 + Math.floor(slot / 10);
    const hour = 8 + (slot % 10);
    for (let i = 0; i < opts.perSlot; i++) {
      sessions.push({
        key: `s-${slot}-${i}`,
        kind: 'meeting' as const,
        title: `Meeting ${slot}.${i}`,
        room: rooms[i % rooms.length]!.key,
        start: `2018-12-${pad(day)}T${pad(hour)}:00`,
        end: `2018-12-${pad(day)}T${pad(hour)}:45`,
        participants: [{ person: 'p-morari', role: 'speaker' as const }],
      });
    }
  }
  return {
    ...base,
    summit: { ...base.summit, slug: opts.slug ?? 'pile', endDate: '2018-12-31' },
    rooms,
    segments: [],
    sessions,
  };
}
