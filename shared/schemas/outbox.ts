// The outbox and the audit log as the API shows them.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

export const MESSAGE_STATUSES = ['held', 'queued', 'sending', 'sent', 'failed'] as const;
export const messageSchema = z.object({
  id: z.number(),
  messageId: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
  nextAttemptAt: instant.nullable(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  calendar: z.object({ method: z.string().nullable(), content: z.string() }).nullable(),
});
export type Message = z.output<typeof messageSchema>;
export const outboxSchema = z.object({
  delivers: z.boolean(),
  messages: z.array(messageSchema),
  signInLinks: z
    .array(z.object({ id: z.number(), recipient: z.string(), createdAt: instant, link: z.string() }))
    .optional()
    .describe(
      "a summit's outbox: the sign-in links held for its own people (no mail server), newest first, to pass on by hand",
    ),
});
export type Outbox = z.output<typeof outboxSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: instant,
  summitId: z.number().nullable(),
  summitSlug: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  what: z.string().describe('the line in words: "Changed session “Roundtable 2.2”"'),
  changes: z
    .array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .describe('each field that changed, in words: names, not keys; times on the 24-hour clock'),
  names: z
    .record(z.string(), z.string())
    .describe(
      'the names of what the line refers to, by "kind:key" ("room:menara" → "Menara"), as they are now',
    ),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
