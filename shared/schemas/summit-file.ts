// The summit file, format `summit/1` (documented in docs/summit-file.md). The same item schemas
// are the API's request and response bodies, so a room read from the API looks exactly like a room
// in the file.
import { z } from 'zod';
import { isIsoDate, isTimeZone } from '../domain/time.ts';
import {
  delegationKindSchema,
  equipmentSchema,
  roleSchema,
  segmentKindSchema,
  sessionKindSchema,
  sessionStatusSchema,
} from './enums.ts';

export const keySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/,
    'a key is 1 to 100 letters, digits, ".", "_", "~", ":" or "-", starting with a letter or digit',
  );
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,64}$/, 'a slug is 2 to 64 of a-z, 0-9 and "-"');
export const timeSchema = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i,
    'expected an ISO 8601 time such as 2018-12-07T08:30 or 2018-12-07T07:30Z',
  );
export const dateSchema = z.string().refine(isIsoDate, 'expected a date such as 2018-12-05');
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'unknown time zone (expected an IANA name such as Africa/Casablanca)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const count = (max: number) => z.int().min(0).max(max);
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((xs) => new Set(xs).size === xs.length, 'lists a value twice');

export const summitSchema = z.strictObject({
  slug: slugSchema,
  name: text(200),
  theme: z.string().trim().max(1000).default(''),
  venue: z.string().trim().max(300).default(''),
  timeZone: timeZoneSchema,
  startDate: dateSchema,
  endDate: dateSchema,
  proposalDeadline: timeSchema.optional(),
  travelMinutes: count(600).default(10),
});

export const roomSchema = z.strictObject({
  key: keySchema,
  name: text(200),
  capacity: count(100_000),
  building: z.string().trim().max(200).optional(),
  equipment: uniqueList(equipmentSchema).default([]),
  microphones: count(1000).default(0),
  changeoverMinutes: count(600).default(0),
});

export const segmentSchema = z.strictObject({
  key: keySchema,
  kind: segmentKindSchema,
  title: text(300),
  start: timeSchema,
  end: timeSchema,
});

export const delegationSchema = z.strictObject({
  key: keySchema,
  name: text(300),
  kind: delegationKindSchema,
  size: count(10_000),
});

export const personSchema = z.strictObject({
  key: keySchema,
  name: text(300),
  email: z.email().max(320).optional(),
  delegation: keySchema.optional(),
  title: z.string().trim().max(300).optional(),
});

export const participantSchema = z
  .strictObject({
    delegation: keySchema.optional(),
    person: keySchema.optional(),
    role: roleSchema,
  })
  .refine((p) => (p.delegation === undefined) !== (p.person === undefined), {
    message: 'a participant names either a delegation or a person',
  });

export const sessionSchema = z.strictObject({
  key: keySchema,
  kind: sessionKindSchema,
  title: text(500),
  segment: keySchema.optional(),
  room: keySchema.optional(),
  start: timeSchema.optional(),
  end: timeSchema.optional(),
  durationMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  preferredStarts: z.array(timeSchema).max(50).optional(),
  expectedAttendance: count(100_000).optional(),
  equipment: uniqueList(equipmentSchema).default([]),
  microphones: count(1000).optional(),
  pinned: z.boolean().default(false),
  status: sessionStatusSchema.default('draft'),
  participants: z.array(participantSchema).max(1000).default([]),
});

export const summitFileSchema = z.strictObject({
  format: z.literal('summit/1'),
  summit: summitSchema,
  rooms: z.array(roomSchema).default([]),
  segments: z.array(segmentSchema).default([]),
  delegations: z.array(delegationSchema).default([]),
  people: z.array(personSchema).default([]),
  sessions: z.array(sessionSchema).default([]),
});

export type SummitItem = z.output<typeof summitSchema>;
export type RoomItem = z.output<typeof roomSchema>;
export type SegmentItem = z.output<typeof segmentSchema>;
export type DelegationItem = z.output<typeof delegationSchema>;
export type PersonItem = z.output<typeof personSchema>;
export type ParticipantItem = z.output<typeof participantSchema>;
export type SessionItem = z.output<typeof sessionSchema>;
export type SummitFile = z.output<typeof summitFileSchema>;
export type SummitFileInput = z.input<typeof summitFileSchema>;
