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
export const outboxSchema = z.object({ delivers: z.boolean(), messages: z.array(messageSchema) });
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
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
