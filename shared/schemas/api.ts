// Request and response shapes of the API beyond the summit-file items themselves.
import { z } from 'zod';
import { singleLine } from './fields.ts';
import { releaseSchema } from './invites.ts';
import {
  dateSchema,
  delegationSchema,
  keySchema,
  participantSchema,
  personSchema,
  roomSchema,
  segmentSchema,
  sessionSchema,
  slugSchema,
  summitSchema,
  timeSchema,
} from './summit-file.ts';
import { conflictSchema, moveWhySchema, placementWhySchema } from './why.ts';

export { conflictSchema, moveWhySchema, placementWhySchema };

export const problemSchema = z.object({
  path: z
    .string()
    .describe('the JSON path of what is wrong: `sessions[3].room`; "" for the request as a whole'),
  message: z.string().describe('what is wrong, in English'),
  code: z
    .string()
    .optional()
    .describe('what is wrong, for a program: `tooLong`, `empty`, `keyTaken`, `proposal.programmeSum`…'),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('the values the code needs to be said again: `{ "maximum": 200 }`'),
});
export const errorsSchema = z.object({ errors: z.array(problemSchema) });

export const zoneOffsetSchema = z.object({
  from: z.number().describe('epoch milliseconds from which this offset applies'),
  offsetMinutes: z.number(),
});

export const summitViewSchema = summitSchema.extend({
  days: z.array(dateSchema).describe('the summit days, in its zone'),
  offsets: z
    .array(zoneOffsetSchema)
    .describe("the zone's UTC offsets around the summit, computed by the server"),
});

export const importResultSchema = z.object({ slug: slugSchema, replaced: z.boolean() });
export const importQuerySchema = z.object({
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const slugParams = z.object({ slug: slugSchema });
export const itemParams = z.object({ slug: slugSchema, key: keySchema });
export const participantParams = itemParams.extend({ id: z.coerce.number().int().positive() });

export const dayQuerySchema = z.object({ day: dateSchema });
export const patchSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'any fields of the item (JSON merge patch); null removes an optional field. For a session, `accept` (not a field) names the hard conflicts a change of a published session may create',
  );

export const sessionListSchema = z.array(sessionSchema);
export const programmeDaySchema = z.object({ day: dateSchema, sessions: sessionListSchema });

export const participantWithIdSchema = z.intersection(participantSchema, z.object({ id: z.number().int() }));

/** A session as its page shows it: with its room, segment and the people and delegations it names. */
export const sessionPageSchema = z.object({
  session: sessionSchema,
  room: roomSchema.nullable(),
  segment: segmentSchema.nullable(),
  people: z.array(personSchema),
  delegations: z.array(delegationSchema),
});

export const CONFLICT_PAGE_DEFAULT = 1_000;
export const CONFLICT_PAGE_MAX = 10_000;
export const conflictsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CONFLICT_PAGE_MAX).default(CONFLICT_PAGE_DEFAULT),
  after: z.string().min(1).max(4_000).optional().describe('the `next` of the previous page'),
});
export const conflictReportSchema = z.object({
  conflicts: z
    .array(
      conflictSchema.extend({
        accepted: z
          .object({ reason: z.string().nullable(), at: z.string().describe('ISO instant') })
          .optional()
          .describe('a hard conflict the support unit accepted by name, with its reason'),
      }),
    )
    .describe("this page, in the report's stable order"),
  counts: z
    .partialRecord(conflictSchema.shape.code, z.number().int())
    .describe('conflicts of each code in the whole report'),
  total: z.number().int().describe('conflicts in the whole report'),
  next: z.string().optional().describe('the cursor of the next page (as `after`); absent on the last page'),
});
/** A change refused because it would put a published session in hard conflicts it did not accept. */
export const conflictRefusalSchema = errorsSchema.extend({
  conflicts: z
    .array(conflictSchema)
    .optional()
    .describe('the hard conflicts not accepted: name them in `accept` to make the change anyway'),
});

export const moveSchema = z.object({
  room: keySchema,
  start: z.string(),
  end: z.string(),
  cost: z.number(),
  minutesFromOriginal: z.number(),
  otherRoom: z.boolean(),
  softConflicts: z.array(conflictSchema),
});
export const movesSchema = z.object({
  session: keySchema,
  conflicts: z.array(conflictSchema),
  moves: z.array(moveSchema),
  note: z
    .string()
    .optional()
    .describe('when no move is proposed, why, in a sentence ("No room and time clears it: …")'),
  why: moveWhySchema.optional().describe('the same, for the client to say in the reader’s language'),
});

export const conflictRefSchema = z.strictObject({
  code: conflictSchema.shape.code,
  sessions: z.array(keySchema).min(1),
  room: keySchema.optional(),
  person: keySchema.optional(),
  delegation: keySchema.optional(),
  reason: singleLine(1000, { required: true }).describe(
    'why it is acceptable: required, kept in the audit log',
  ),
});
/** Hard conflicts accepted by name, as a request that would create them names them. */
export const acceptSchema = z
  .array(conflictRefSchema)
  .max(1000)
  .describe('hard conflicts accepted by name, recorded in the audit log');
export const moveBodySchema = z.strictObject({
  room: keySchema.nullable().optional().describe('null: no room; omitted: keep the room'),
  start: timeSchema,
  end: timeSchema,
  accept: acceptSchema.optional().describe('for a published session: the hard conflicts the move may create'),
});
export const movedSchema = z.object({ session: sessionSchema, conflicts: z.array(conflictSchema) });

export const placeBodySchema = z.strictObject({
  stepMinutes: z
    .union([z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)])
    .default(15),
  timeLimitMs: z.int().min(100).max(30_000).default(3_000),
  /** Only these sessions (keys of sessions without a room or a time); every such session if left out. */
  sessions: z.array(keySchema).min(1).max(1_000).optional(),
});
export const placementSchema = z.object({
  session: keySchema,
  room: keySchema,
  start: z.string(),
  end: z.string(),
});
export const proposalSchema = z.object({
  placed: z.array(placementSchema.extend({ cost: z.number() })),
  unplaced: z.array(
    z.object({
      session: keySchema,
      reason: z.string().describe('why it is left out, in English'),
      why: placementWhySchema.describe('the same, for the client to say in the reader’s language'),
    }),
  ),
  cost: z.number().describe('the soft cost of the proposal (see the README)'),
  bound: z
    .int()
    .min(0)
    .describe(
      "the most sessions any arrangement could place: the exact solver's bound, or a cheaper one when it had no time (docs/conflicts.md)",
    ),
  optimal: z.boolean().describe('true when as many are placed as `bound`: no arrangement places more'),
});
/** How far a placement got while it runs (POST …/place with Accept: application/x-ndjson). */
export const placementProgressSchema = z.object({
  placed: z.int().min(0).describe('the most sessions an arrangement found so far places'),
  bound: z.int().min(0).describe('the most any arrangement could place, as far as is known yet'),
  total: z.int().min(0).describe('the sessions to place'),
  elapsedMs: z.int().min(0).describe('time since placement began, reading the programme included'),
  stage: z.enum(['heuristic', 'solver']).describe('the fast heuristic, or the exact solver after it'),
});
/** One line of the streamed answer: progress (at most five a second), then the proposal or the failure. */
export const placementLineSchema = z.union([
  z.object({ progress: placementProgressSchema }),
  z.object({ proposal: proposalSchema }),
  errorsSchema.extend({ status: z.int().describe('the status a JSON answer would have had') }),
]);
export const applyBodySchema = z.strictObject({
  placements: z.array(placementSchema.strict()).min(1).max(5000),
});

export const confirmBodySchema = z
  .strictObject({
    accept: acceptSchema
      .optional()
      .describe('for a published session: the hard conflicts confirming creates'),
  })
  .optional();
export const publishBodySchema = z.strictObject({ accept: acceptSchema.default([]) });

export const agendaSchema = z.object({
  delegation: delegationSchema,
  people: z.array(personSchema),
  sessions: sessionListSchema,
  rooms: z.array(roomSchema).describe('the rooms of its sessions (with their buildings)'),
  conflicts: z
    .array(conflictSchema)
    .describe(
      'conflicts naming the delegation or its people, the first 1,000 (its members and the support unit only)',
    ),
  conflictTotal: z.number().int().describe('how many there are in all'),
});

/** Newest first, `limit` at a time; `before` is the id the next page starts below. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  // Ids are PostgreSQL integers: a larger `before` would be refused by the database, not by us.
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional(),
});
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const placementResultSchema = z.object({ placed: z.number() });
export const publishedSchema = z.object({
  published: z.number(),
  accepted: z.array(conflictSchema),
  release: releaseSchema,
});
