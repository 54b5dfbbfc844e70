import { describe, expect, it } from 'vitest';
import { needsOf, roomsFor, shortfalls } from '../../../../client/src/features/proposals/room-fit.ts';
import { summitFileSchema } from '../../../../shared/schemas/summit-file.ts';
import { moldovaProposal } from '../../../factories/proposal.ts';
import { demoSummitFile } from '../../../factories/summit-file.ts';

const rooms = summitFileSchema.parse(demoSummitFile()).rooms!;

describe('the rooms that can hold a proposal', () => {
  it('asks for the larger of the attendance and the capacity, and booths for interpretation', () => {
    expect(
      needsOf({
        expectedAttendance: 120,
        requirements: {
          capacity: 220,
          equipment: ['projector', 'screen'],
          microphones: 6,
          interpretation: ['French'],
        },
      }),
    ).toEqual({ seats: 220, equipment: ['projector', 'screen', 'interpretation'], microphones: 6 });
    expect(needsOf({})).toEqual({ seats: 0, equipment: [], microphones: 0 });
  });

  it('finds only the Orangeraie Room for the Moldova/ICMPD event (220 seats, projector, screen, HDMI, USB, 6 microphones)', () => {
    const { fit, short } = roomsFor(rooms, needsOf(moldovaProposal() as never));
    expect(fit.map((r) => r.key)).toEqual(['orangeraie']);
    expect(short.find((s) => s.room.key === 'palmeraie')?.shortfalls).toEqual([
      { kind: 'equipment', missing: ['usb'] },
    ]);
    expect(short.find((s) => s.room.key === 'atlas')?.shortfalls).toEqual([
      { kind: 'seats', has: 80, needs: 220 },
      { kind: 'microphones', has: 4, needs: 6 },
    ]);
  });

  it('puts the closest in size first among those that fit', () => {
    const { fit } = roomsFor(rooms, { seats: 100, equipment: ['projector'], microphones: 2 });
    expect(fit.map((r) => r.key)).toEqual(['agdal', 'menara', 'orangeraie', 'palmeraie']);
  });

  it('a room exactly as large as asked is large enough', () => {
    expect(
      shortfalls(
        { key: 'r', name: 'R', capacity: 220, equipment: [], microphones: 0 },
        needsOf({ expectedAttendance: 220 }),
      ),
    ).toEqual([]);
  });
});
