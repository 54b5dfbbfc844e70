// Requests and answers of the proposal routes around the form itself (proposal.ts): a proposal as
// read, the review desk's list, decisions, comments, the report after the event.
import { z } from 'zod';
import { DECISIONS, PROPOSAL_FORMATS, PROPOSAL_VIEW_STATUSES } from '../domain/proposals.ts';
import { pageQuerySchema, zoneOffsetSchema } from './api.ts';
import { delegationKindSchema, EQUIPMENT } from './enums.ts';
import { optional, paragraphs, plainLine, singleLine, withCode } from './fields.ts';
import { proposalDraftSchema, proposalOrganiserSchema } from './proposal.ts';
import { dateSchema, keySchema, slugSchema, timeSchema } from './summit-file.ts';

export const proposalStatusSchema = z.enum(PROPOSAL_VIEW_STATUSES);
/** What the caller may do with a proposal now; the client shows these buttons and no others. */
export const PROPOSAL_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'accept',
  'reject',
  'request_changes',
  'comment',
  'report',
  'extend_deadline',
] as const;

export const proposalIdParams = z.object({
  slug: slugSchema,
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** Where and when an accepted proposal's session is, once it has a room and a time. */
export const proposalPlacementSchema = z.object({
  room: keySchema,
  roomName: z.string(),
  start: z.string().describe("in the summit's zone, with its offset"),
  end: z.string(),
});

export const proposalReportSchema = z.strictObject({
  attendance: z.int().min(0).max(100_000).describe('how many people came'),
  conclusions: paragraphs(10_000).refine(
    (s) => s !== '',
    withCode('a report needs its conclusions', 'required'),
  ),
  followUp: optional(paragraphs(10_000)),
});

export const proposalViewSchema = proposalDraftSchema.extend({
  id: z.int(),
  status: proposalStatusSchema,
  version: z.int().describe('raised by every change; send it back as If-Match to change only this version'),
  organiserNames: z.array(z.string()).describe("the organisers by name, in the form's order"),
  session: keySchema.nullable().describe('the session made when it was accepted'),
  placement: proposalPlacementSchema.nullable(),
  deadline: z
    .string()
    .nullable()
    .describe("when submission closes for this proposal (the summit's deadline or its extension)"),
  deadlineExtended: z.boolean(),
  late: z.boolean().describe('submitted by the support unit after the deadline'),
  report: proposalReportSchema.nullable(),
  actions: z.array(z.enum(PROPOSAL_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const proposalSummarySchema = z.object({
  id: z.int(),
  status: proposalStatusSchema,
  version: z.int(),
  title: z.string().optional(),
  format: z.enum(PROPOSAL_FORMATS).optional(),
  durationMinutes: z.int().optional(),
  expectedAttendance: z.int().optional(),
  organisers: z.array(proposalOrganiserSchema),
  organiserNames: z.array(z.string()),
  preferredStarts: z.array(z.string()),
  session: keySchema.nullable(),
  placement: proposalPlacementSchema.nullable(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

/** A comma-separated list of values from a vocabulary, as a query parameter. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)).min(1));

export const proposalListQuerySchema = pageQuerySchema.extend({
  status: listOf(PROPOSAL_VIEW_STATUSES)
    .optional()
    .describe('one or more statuses, comma-separated: submitted,changes_requested'),
  format: listOf(PROPOSAL_FORMATS).optional(),
  day: dateSchema.optional().describe('proposals that would like to begin on this day'),
  organiser: singleLine(300, { required: true })
    .optional()
    .describe('a delegation key or an organisation name'),
});

export const proposalListSchema = z.object({
  proposals: z.array(proposalSummarySchema).describe('newest first'),
  counts: z
    .record(proposalStatusSchema, z.int())
    .describe('proposals of each status among those the other filters select'),
  total: z.int().describe('proposals the filters select'),
  next: z.int().optional().describe('pass as `before` for the next page; absent on the last'),
});

export const decisionBodySchema = z.strictObject({
  decision: z.enum(DECISIONS),
  message: optional(paragraphs(5_000)).describe('to the organisers; needed to request changes'),
});
export const withdrawBodySchema = z.strictObject({ message: optional(paragraphs(5_000)) }).optional();
export const deadlineBodySchema = z.strictObject({
  until: timeSchema
    .nullable()
    .describe('submission stays open for this proposal until then; null: the summit’s deadline'),
});

export const commentBodySchema = z.strictObject({
  body: paragraphs(5_000).refine((s) => s !== '', withCode('a comment needs some text', 'required')),
});
export const commentSchema = z.object({
  id: z.int(),
  author: z.string().describe('"Support unit", or the organiser’s address'),
  fromSupportUnit: z.boolean(),
  body: z.string(),
  transition: z
    .enum(['submit', 'withdraw', ...DECISIONS])
    .nullable()
    .describe('the message came with this step'),
  createdAt: z.string(),
});

/** What the form needs to know of the summit, for anyone who may propose. */
export const proposalCallSchema = z.object({
  summit: z.object({
    slug: slugSchema,
    name: z.string(),
    timeZone: z.string(),
    days: z.array(dateSchema),
    offsets: z.array(zoneOffsetSchema),
  }),
  deadline: z.string().nullable(),
  open: z.boolean().describe('whether the deadline is still ahead'),
  delegations: z.array(z.object({ key: keySchema, name: z.string(), kind: delegationKindSchema })),
  organisations: z
    .array(z.string())
    .describe('for the support unit: organisations (not delegations) its proposals name as organisers'),
  formats: z.array(z.enum(PROPOSAL_FORMATS)),
  equipment: z.array(z.enum(EQUIPMENT)),
});

export const ifMatchHeaders = z.object({
  'if-match': z.string().max(200).optional().describe('the version the change is based on ("3")'),
});
export const idempotencyHeaders = z.object({
  'idempotency-key': plainLine(255)
    .min(1)
    .optional()
    .describe('a key of the client’s choosing: a repeated request with it gets the first one’s answer'),
});

export type ProposalView = z.output<typeof proposalViewSchema>;
export type ProposalSummary = z.output<typeof proposalSummarySchema>;
export type ProposalList = z.output<typeof proposalListSchema>;
export type ProposalListQuery = z.output<typeof proposalListQuerySchema>;
export type DecisionBody = z.output<typeof decisionBodySchema>;
export type ProposalReport = z.output<typeof proposalReportSchema>;
export type CommentView = z.output<typeof commentSchema>;
export type ProposalCall = z.output<typeof proposalCallSchema>;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];
