// The Marketplace's shapes: its part of the summit file, the API's request bodies and answers
// (docs/marketplace.md). One schema per input, used by the import, the routes and the client.
import { z } from 'zod';
import {
  ASSISTANCE,
  CONSULTATION_STATUSES,
  DEFAULT_SLOT_MINUTES,
  GCM_OBJECTIVES,
  OUTCOMES,
} from '../domain/marketplace.ts';
import { placementWhySchema } from './why.ts';
import { delegationKindSchema } from './enums.ts';
import { keySchema, optional, paragraphs, singleLine, slugSchema, withCode, withDefault } from './fields.ts';
import { namedPattern } from './problems.ts';

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, withCode('lists a value twice', 'duplicate'));

export const assistanceSchema = z.enum(ASSISTANCE);
export const outcomeSchema = z.enum(OUTCOMES);
export const objectiveSchema = z.int().min(1).max(GCM_OBJECTIVES);
const sdgTargetSchema = z
  .string()
  .regex(
    namedPattern(/^([1-9]|1[0-7])\.([1-9][0-9]?|[a-z])$/, 'sdgTarget'),
    'an SDG target such as "10.7" or "17.b"',
  );
const title = singleLine(300, { required: true });
const description = optional(paragraphs(5000));

/** What a need says, besides its key and owner. */
const needFields = {
  title,
  description,
  objectives: withDefault(uniqueList(objectiveSchema, GCM_OBJECTIVES), []),
  sdgTargets: withDefault(uniqueList(sdgTargetSchema, 169), []),
  assistance: withDefault(uniqueList(assistanceSchema, ASSISTANCE.length), []),
  providerTypes: withDefault(uniqueList(delegationKindSchema, 7), []),
};

export const needItemSchema = z.strictObject({ key: keySchema, owner: keySchema, ...needFields });

const slotMinutesSchema = z.int().min(5).max(240);
const expirySchema = z
  .int()
  .min(1)
  .max(60 * 24 * 60);
const capSchema = z.int().min(1).max(1000);

/** The summit file's `marketplace` (docs/summit-file.md). */
export const marketplaceItemSchema = z.strictObject({
  slotMinutes: withDefault(slotMinutesSchema, DEFAULT_SLOT_MINUTES),
  tables: withDefault(uniqueList(keySchema, 500), []),
  segments: withDefault(uniqueList(keySchema, 100), []),
  requestExpiryMinutes: optional(expirySchema),
  capPerDelegation: optional(capSchema),
  needs: withDefault(z.array(needItemSchema).max(5000), []),
});
export type MarketplaceItem = z.output<typeof marketplaceItemSchema>;
export type NeedItem = z.output<typeof needItemSchema>;

// ---- the API ----

export const marketplaceParams = z.object({ slug: slugSchema });
export const needParams = z.object({ slug: slugSchema, key: keySchema });
export const idParams = z.object({
  slug: slugSchema,
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** Which of the caller's delegations acts, when they are in several. */
const as = optional(keySchema).describe('the delegation the caller acts for (needed when in several)');

/** The settings the support unit changes (JSON merge patch of these fields). */
export const settingsSchema = z.strictObject({
  slotMinutes: slotMinutesSchema,
  tables: uniqueList(keySchema, 500),
  segments: uniqueList(keySchema, 100),
  requestExpiryMinutes: expirySchema,
  capPerDelegation: optional(capSchema),
});

export const needBodySchema = z.strictObject({
  key: keySchema,
  owner: optional(keySchema).describe('the owner delegation (default: the caller’s)'),
  as,
  ...needFields,
});

export const offerBodySchema = z.strictObject({
  as,
  title,
  description,
  objectives: needFields.objectives,
  assistance: needFields.assistance,
});

export const consultationBodySchema = z.strictObject({
  need: keySchema,
  slot: optional(z.string().max(200)).describe(
    'a slot id from GET …/slots; left out, the request leaves the slot to the support unit’s schedule (POST …/schedule) once accepted',
  ),
  as,
});
export const actBodySchema = z.strictObject({ as }).optional();
export const outcomeBodySchema = z.strictObject({
  outcome: outcomeSchema,
  fundingSources: withDefault(uniqueList(singleLine(200, { required: true }), 50), []),
  note: optional(paragraphs(5000)),
  as,
});

const listOf = <T extends z.ZodType>(s: T) => z.union([s, z.array(s)]).optional();
export const needQuerySchema = z.object({
  objective: listOf(z.coerce.number().int().min(1).max(GCM_OBJECTIVES)),
  assistance: listOf(assistanceSchema),
  owner: keySchema.optional(),
  q: z.string().max(200).optional(),
});
export const offerQuerySchema = z.object({
  objective: listOf(z.coerce.number().int().min(1).max(GCM_OBJECTIVES)),
  assistance: listOf(assistanceSchema),
  provider: keySchema.optional(),
});
export const slotQuerySchema = z.object({ need: keySchema, as: keySchema.optional() });
export const consultationQuerySchema = z.object({
  need: keySchema.optional(),
  status: z.enum(CONSULTATION_STATUSES).optional(),
});

// ---- answers ----

const named = z.object({ key: z.string(), name: z.string() });
export const settingsViewSchema = z.object({
  slotMinutes: z.int(),
  tables: z.array(named),
  segments: z.array(z.object({ key: z.string(), title: z.string(), start: z.string(), end: z.string() })),
  requestExpiryMinutes: z.int(),
  capPerDelegation: z.int().nullable(),
  you: z.object({
    supportUnit: z.boolean(),
    visitor: z.boolean(),
    delegations: z.array(named.extend({ kind: delegationKindSchema })),
    may: z.object({
      manage: z.boolean(),
      postNeeds: z.boolean(),
      publishOffers: z.boolean(),
      requestConsultations: z.boolean(),
    }),
  }),
});

export const needViewSchema = z.object({
  key: z.string(),
  owner: named,
  title: z.string(),
  description: z.string().nullable(),
  objectives: z.array(z.int()),
  sdgTargets: z.array(z.string()),
  assistance: z.array(assistanceSchema),
  providerTypes: z.array(delegationKindSchema),
  consultations: z.int().describe('its live and held consultations'),
});

export const offerViewSchema = z.object({
  id: z.int(),
  provider: named.extend({ kind: delegationKindSchema }),
  title: z.string(),
  description: z.string().nullable(),
  objectives: z.array(z.int()),
  assistance: z.array(assistanceSchema),
});

/** `SlotWhy` (shared/domain/marketplace.ts): names, never keys. */
export const slotWhySchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('begun') }).describe('the slot has begun'),
  z.object({ code: z.literal('tableTaken'), table: z.string() }).describe('a consultation holds the table'),
  z
    .object({ code: z.literal('roomHosts'), table: z.string(), session: z.string() })
    .describe('the table’s room hosts a session then (its title)'),
  z
    .object({
      code: z.literal('overCommitted'),
      delegation: z.string(),
      size: z.int().describe('the people the delegation has registered'),
      sessions: z.array(z.string()).describe('titles of the sessions it is committed to then'),
      consultations: z.array(z.string()).describe('need titles of the consultations it is committed to then'),
    })
    .describe('a delegation would be in more things at once than it has people'),
  z
    .object({
      code: z.literal('capReached'),
      delegation: z.string().nullable().describe('null: the caller’s own delegation'),
      cap: z.int(),
    })
    .describe('a delegation has reached its cap of live consultations'),
]);

export const slotViewSchema = z.object({
  id: z.string(),
  room: z.string(),
  start: z.string(),
  end: z.string(),
  bookable: z.boolean(),
  reason: z.string().optional().describe('why it cannot be booked, in English'),
  why: slotWhySchema
    .optional()
    .describe('why it cannot be booked, for the client to say in the reader’s language'),
});
export const slotsViewSchema = z.object({ slots: z.array(slotViewSchema) });

export const consultationViewSchema = z.object({
  id: z.int(),
  status: z.enum(CONSULTATION_STATUSES),
  need: z.string(),
  needTitle: z.string(),
  room: z.string().nullable().describe('null while the request leaves its slot to the support unit'),
  roomName: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  owner: z.string(),
  providers: z.array(z.string()),
  observers: z.array(z.string()),
  expiresAt: z.string().nullable(),
  session: z.string().nullable(),
  requestedBy: z.string().nullable().describe('the requester’s address; null for visitors'),
  outcome: outcomeSchema.nullable(),
  fundingSources: z.array(z.string()),
  outcomeNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const consultationRefusalSchema = z.object({
  errors: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      code: z.string().optional().describe('the reason’s code: slotTableTaken, slotCapReached…'),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  alternatives: z.array(z.string()).optional(),
  why: slotWhySchema.optional().describe('why the slot was refused, for the client to say'),
});

const funnelSchema = z.object({
  consultations: z.int(),
  projectProposals: z.int(),
  followedUp: z.int(),
  implemented: z.int(),
});
export const reportSchema = z.object({
  overall: funnelSchema,
  byObjective: z.array(funnelSchema.extend({ objective: z.int() })),
  byProviderKind: z.array(funnelSchema.extend({ kind: delegationKindSchema })),
});
export const suggestionsSchema = z.object({
  providers: z.array(
    named.extend({
      kind: delegationKindSchema,
      overlap: z.int(),
      offers: z.array(z.int()),
      bookableSlots: z.int(),
    }),
  ),
});

export const scheduleBodySchema = z
  .strictObject({
    timeLimitMs: withDefault(z.int().min(500).max(30_000), 3_000).describe(
      'how long placement may look (ms)',
    ),
  })
  .optional();
export const scheduleViewSchema = z.object({
  scheduled: z.array(
    z.object({
      id: z.int(),
      need: z.string(),
      needTitle: z.string(),
      room: z.string(),
      start: z.string(),
      end: z.string(),
    }),
  ),
  unscheduled: z.array(
    z.object({
      id: z.int(),
      need: z.string(),
      needTitle: z.string(),
      reason: z.string(),
      why: placementWhySchema.optional().describe('placement’s reason, for a program'),
    }),
  ),
});
