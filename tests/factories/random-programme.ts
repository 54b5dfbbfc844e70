// Random small programmes (fast-check arbitraries) for comparing the engine with the reference.
import fc from 'fast-check';
import type { Participant, Programme, Session } from '../../shared/domain/programme.ts';
import { EQUIPMENT, ROLES, SESSION_KINDS } from '../../shared/domain/vocabulary.ts';

const DAY0 = Date.parse('2018-12-04T23:00:00Z'); // midnight, 5 December 2018, in Marrakesh (+01)
const MIN = 60_000;

export const programmeArbitrary: fc.Arbitrary<Programme> = fc
  .record({
    rooms: fc.array(
      fc.record({
        building: fc.constantFrom('Conference Centre', 'Hotel', null),
        changeoverMinutes: fc.constantFrom(0, 5, 15),
        capacity: fc.integer({ min: 10, max: 200 }),
        equipment: fc.subarray([...EQUIPMENT], { maxLength: 3 }),
        microphones: fc.integer({ min: 0, max: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    segments: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 2 }),
        from: fc.integer({ min: 90, max: 120 }),
        length: fc.integer({ min: 6, max: 40 }),
      }),
      { maxLength: 2 },
    ),
    delegations: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
    people: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 6 }),
    travelMinutes: fc.constantFrom(0, 10),
    sessions: fc.array(
      fc.record({
        kind: fc.constantFrom(...SESSION_KINDS),
        room: fc.integer({ min: -1, max: 3 }),
        segment: fc.integer({ min: -1, max: 1 }),
        // Mostly one morning, so that sessions meet; sometimes any day (-1: unplaced, 3: after the summit).
        day: fc.oneof(
          { arbitrary: fc.constant(1), weight: 4 },
          { arbitrary: fc.integer({ min: -1, max: 3 }), weight: 1 },
        ),
        slot: fc.oneof(
          { arbitrary: fc.integer({ min: 96, max: 130 }), weight: 4 },
          { arbitrary: fc.integer({ min: 0, max: 287 }), weight: 1 },
        ), // 5-minute steps
        length: fc.integer({ min: 1, max: 24 }),
        attendance: fc.option(fc.integer({ min: 0, max: 220 })),
        equipment: fc.subarray([...EQUIPMENT], { maxLength: 2 }),
        microphones: fc.option(fc.integer({ min: 0, max: 8 })),
        participants: fc.uniqueArray(
          fc.record({ who: fc.integer({ min: 0, max: 9 }), role: fc.constantFrom(...ROLES) }),
          { maxLength: 5, selector: (p) => `${p.who}|${p.role}` },
        ),
      }),
      { maxLength: 18 },
    ),
  })
  .map((r): Programme => {
    const rooms = r.rooms.map((x, i) => ({
      key: `r${i}`,
      name: `Room ${i}`,
      ...x,
      equipment: [...x.equipment],
    }));
    const delegations = r.delegations.map((size, i) => ({
      key: `d${i}`,
      name: `Delegation ${i}`,
      kind: 'member_state' as const,
      size,
    }));
    const people = r.people.map((d, i) => ({
      key: `p${i}`,
      name: `Person ${i}`,
      email: null,
      title: null,
      language: null,
      delegation: d >= 0 && d < delegations.length ? `d${d}` : null,
    }));
    const segments = r.segments.map((s, i) => ({
      key: `g${i}`,
      kind: 'side_events' as const,
      title: `Segment ${i}`,
      start: DAY0 + (s.day * 288 + s.from) * 5 * MIN,
      end: DAY0 + (s.day * 288 + s.from + s.length) * 5 * MIN,
    }));
    const sessions = r.sessions.map((s, i): Session => {
      const placed = s.day >= 0;
      const start = DAY0 + (s.day * 288 + s.slot) * 5 * MIN;
      // Participants 0-5 are people, 6-9 delegations (when they exist).
      const participants = s.participants.flatMap((p): Participant[] => {
        if (p.who < 6)
          return p.who < people.length ? [{ person: `p${p.who}`, delegation: null, role: p.role }] : [];
        const d = p.who - 6;
        return d < delegations.length ? [{ person: null, delegation: `d${d}`, role: p.role }] : [];
      });
      return {
        key: `s${i}`,
        kind: s.kind,
        title: `Session ${i}`,
        room: s.room >= 0 && s.room < rooms.length ? `r${s.room}` : null,
        segment: s.segment >= 0 && s.segment < segments.length ? `g${s.segment}` : null,
        start: placed ? start : null,
        end: placed ? start + s.length * 5 * MIN : null,
        durationMinutes: s.length * 5,
        preferredStarts: [],
        expectedAttendance: s.attendance,
        equipment: [...s.equipment],
        microphones: s.microphones,
        pinned: false,
        status: 'draft',
        participants,
      };
    });
    return {
      summit: {
        slug: 'random',
        name: 'Random',
        theme: '',
        venue: '',
        timeZone: 'Africa/Casablanca',
        startDate: '2018-12-05',
        endDate: '2018-12-07',
        proposalDeadline: null,
        travelMinutes: r.travelMinutes,
        language: 'en',
      },
      rooms,
      segments,
      delegations,
      people,
      sessions,
    };
  });

export const MARRAKESH_OFFSETS = [{ from: Date.parse('2018-11-01T00:00:00Z'), offsetMinutes: 60 }];
export const SUMMIT_DAYS = { start: DAY0, end: DAY0 + 3 * 1440 * MIN };
