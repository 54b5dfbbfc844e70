// A conflict as the API reports it; why placement left a session out, and why no move is proposed
// for a conflict: codes with keys, titles and figures, for a program (the app says them in the
// reader's language).
import { z } from 'zod';
import { CONFLICT_CODES } from '../domain/conflicts/types.ts';
import { roleSchema } from './enums.ts';
import { keySchema } from './fields.ts';

/** One conflict as the API reports it (docs/conflicts.md). */
export const conflictSchema = z.object({
  code: z.enum(CONFLICT_CODES),
  severity: z.enum(['hard', 'soft']),
  sessions: z.array(keySchema),
  room: keySchema.optional(),
  person: keySchema.optional(),
  delegation: keySchema.optional(),
  start: z.string().describe('UTC instant'),
  end: z.string().describe('UTC instant'),
  message: z.string(),
});

/** When something happens: ISO instants. */
const whyIntervalSchema = z
  .object({ start: z.string(), end: z.string() })
  .describe('the time the session keeps (UTC instants); absent: every time it could take');
const whyNeedsSchema = z.object({ equipment: z.array(z.string()), microphones: z.int().nullable() });
const why = <C extends string, S extends z.ZodRawShape>(code: C, shape: S, what: string) =>
  z.object({ code: z.literal(code), ...shape }).describe(what);
/** `PlacementWhy` (shared/domain/resolution/placement-reasons.ts): keys, titles and figures. */
export const placementWhySchema = z.discriminatedUnion('code', [
  why('pinned', {}, 'it is pinned'),
  why('outOfTime', {}, 'placement ran out of time before trying it'),
  why('outOfTimeReason', {}, 'placement ran out of time before it could say why'),
  why(
    'outOfTimeSearch',
    {},
    'placement ran out of time before fitting it in, though a room and time were free',
  ),
  why('noRooms', {}, 'the summit has no rooms'),
  why(
    'tooLong',
    {
      minutes: z.int(),
      window: z.enum(['segment', 'sideEventWindows', 'summitDays']),
      segment: keySchema.optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    },
    'it lasts longer than its segment (from–to), every side-event window or the summit’s days',
  ),
  why(
    'ownRoomSeats',
    { room: keySchema, capacity: z.int(), expected: z.int() },
    'the room it keeps seats fewer than expected',
  ),
  why('ownRoomLacks', { room: keySchema, needs: whyNeedsSchema }, 'the room it keeps lacks what it needs'),
  why('noRoomSeats', { expected: z.int() }, 'no room seats that many'),
  why('noRoomHas', { needs: whyNeedsSchema }, 'no room has what it needs'),
  why(
    'noRoomSeatsAndHas',
    { expected: z.int(), needs: whyNeedsSchema },
    'no room both seats that many and has what it needs',
  ),
  why(
    'peopleBusy',
    {
      people: z.array(z.object({ person: keySchema, role: roleSchema.optional() })),
      at: whyIntervalSchema.optional(),
    },
    'these people (in their role in it) are busy',
  ),
  why(
    'delegationsBusy',
    {
      delegations: z.array(z.object({ delegation: keySchema, size: z.int() })),
      at: whyIntervalSchema.optional(),
    },
    'every delegate of these delegations is committed elsewhere',
  ),
  why(
    'everyoneBusy',
    { people: z.array(keySchema), delegations: z.array(keySchema) },
    'one of its people or delegations is busy at every time it could take',
  ),
  why(
    'ownRoomBooked',
    { room: keySchema, whenFree: z.boolean() },
    'the room it keeps is booked (whenever its people are free)',
  ),
  why(
    'roomsBooked',
    { at: whyIntervalSchema.optional(), whenFree: z.boolean() },
    'every room that fits it is booked (whenever its people are free)',
  ),
  why('keepsNoTime', { conflict: conflictSchema }, 'it cannot keep its time without this hard conflict'),
  why(
    'hardRule',
    { conflict: conflictSchema.optional() },
    'every room and time breaks a hard rule, such as this one',
  ),
  why(
    'taken',
    { titles: z.array(z.string()), at: whyIntervalSchema.optional() },
    'every room and time it could take is taken by the sessions placed (their titles)',
  ),
]);
/** `MoveWhy` (shared/domain/resolution/moves.ts). */
export const moveWhySchema = z.discriminatedUnion('code', [
  why('pinned', {}, 'it is pinned'),
  why('unplaced', {}, 'it has no time yet: placement proposes one'),
  why('noHardConflict', {}, 'it is in no hard conflict'),
  why('noMove', { reason: placementWhySchema }, 'no room and time clears it, for this reason'),
]);
