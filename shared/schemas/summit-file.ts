// The summit file, format `summit/1` (documented in docs/summit-file.md). The same item schemas
// are the API's request and response bodies, so a room read from the API looks exactly like a room
// in the file.
import { z } from 'zod';
import { isIsoDate, isTimeZone } from '../domain/time.ts';
import {
  delegationKindSchema,
  equipmentSchema,
  languageCodeSchema,
  languageSchema,
  roleSchema,
  segmentKindSchema,
  sessionKindSchema,
  sessionStatusSchema,
} from './enums.ts';
import { keySchema, optional, singleLine, slugSchema, withCode, withDefault } from './fields.ts';
import { namedPattern } from './problems.ts';
import { marketplaceItemSchema } from './marketplace.ts';

export { keySchema, slugSchema } from './fields.ts';
export const timeSchema = z
  .string()
  .max(40)
  .regex(
    namedPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i, 'timeFormat'),
    'expected an ISO 8601 time such as 2018-12-07T08:30 or 2018-12-07T07:30Z',
  );
export const dateSchema = z
  .string()
  .refine(isIsoDate, withCode('expected a date such as 2018-12-05', 'dateFormat'));
export const timeZoneSchema = z
  .string()
  .refine(
    isTimeZone,
    withCode('unknown time zone (expected an IANA name such as Africa/Casablanca)', 'timeZone'),
  );
/** Required text: one line, normalised, not empty (see fields.ts). */
const text = (max: number) => singleLine(max, { required: true });
const count = (max: number) => z.int().min(0).max(max);
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((xs) => new Set(xs).size === xs.length, withCode('lists a value twice', 'duplicate'));

export const summitSchema = z.strictObject({
  slug: slugSchema,
  name: text(200),
  theme: withDefault(singleLine(1000), ''),
  venue: withDefault(singleLine(300), ''),
  timeZone: timeZoneSchema,
  startDate: dateSchema,
  endDate: dateSchema,
  proposalDeadline: optional(timeSchema),
  travelMinutes: withDefault(count(600), 10),
  language: withDefault(languageSchema, 'en'),
});

export const roomSchema = z.strictObject({
  key: keySchema,
  name: text(200),
  capacity: count(100_000),
  building: optional(singleLine(200)),
  equipment: withDefault(uniqueList(equipmentSchema), []),
  microphones: withDefault(count(1000), 0),
  changeoverMinutes: withDefault(count(600), 0),
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
  email: optional(z.email().max(320)),
  delegation: optional(keySchema),
  title: optional(singleLine(300)),
  language: optional(languageSchema),
});

export const participantSchema = z
  .strictObject({
    delegation: optional(keySchema),
    person: optional(keySchema),
    role: roleSchema,
    confirmed: optional(z.boolean()),
  })
  .refine((p) => (p.delegation === undefined) !== (p.person === undefined), {
    ...withCode('a participant names either a delegation or a person', 'participantWho'),
  });

export const sessionSchema = z.strictObject({
  key: keySchema,
  kind: sessionKindSchema,
  title: text(500),
  segment: optional(keySchema),
  room: optional(keySchema),
  start: optional(timeSchema),
  end: optional(timeSchema),
  durationMinutes: optional(
    z
      .int()
      .min(1)
      .max(24 * 60),
  ),
  preferredStarts: optional(z.array(timeSchema).max(50)),
  expectedAttendance: optional(count(100_000)),
  equipment: withDefault(uniqueList(equipmentSchema), []),
  microphones: optional(count(1000)),
  pinned: withDefault(z.boolean(), false),
  status: withDefault(sessionStatusSchema, 'draft'),
  languages: optional(uniqueList(languageCodeSchema).max(20)).describe(
    'ISO 639-1 codes of the languages it is held in (left out: none said)',
  ),
  interpretation: optional(uniqueList(languageCodeSchema).max(20)).describe(
    'ISO 639-1 codes of the languages it is interpreted into (left out: none)',
  ),
  participants: withDefault(z.array(participantSchema).max(1000), []),
});

export const summitFileSchema = z.strictObject({
  format: z.literal('summit/1'),
  summit: summitSchema,
  rooms: withDefault(z.array(roomSchema), []),
  segments: withDefault(z.array(segmentSchema), []),
  delegations: withDefault(z.array(delegationSchema), []),
  people: withDefault(z.array(personSchema), []),
  sessions: withDefault(z.array(sessionSchema), []),
  marketplace: optional(marketplaceItemSchema),
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
