// Writing a message to the outbox, in the caller's transaction. Without a mail server (no SMTP_URL)
// messages are held there for the support unit to read in the app.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import type { outbox } from '../../db/schema.ts';
import { insertMessage, insertMessages } from './outbox.repo.ts';

export type OutgoingMail = {
  kind: string;
  summitId?: number | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  ical?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
  /** Carries a sign-in link: hidden from the Outbox once handed to a mail server. */
  secret?: boolean;
};

export type Mailer = {
  /** Whether a mail server is configured; if not, messages are held in the outbox. */
  readonly delivers: boolean;
  readonly publicUrl: string;
  /** The From address ("Convene <no-reply@host>"): also the ORGANIZER of the invitations it sends. */
  readonly from: string;
  /** Writes the message in the caller's transaction; workers hear of it when that commits. */
  enqueue(tx: Executor, mail: OutgoingMail): Promise<number>;
  /** Writes many messages at once (a release's invitations), in the caller's transaction. */
  enqueueAll(tx: Executor, mails: readonly OutgoingMail[]): Promise<void>;
  /**
   * The outbox row a message becomes, for a write the caller makes itself in one statement with
   * others (a Marketplace booking); whoever writes a queued one notifies the workers (OUTBOX_CHANNEL).
   */
  outboxRow(mail: OutgoingMail): OutboxInsert;
};

export type OutboxInsert = typeof outbox.$inferInsert;

export function createMailer(opts: {
  delivers: boolean;
  publicUrl: string;
  domain?: string;
  from?: string;
}): Mailer {
  const domain = opts.domain ?? new URL(opts.publicUrl).hostname;
  const row = (mail: OutgoingMail): OutboxInsert => ({
    messageId: `<${randomUUID()}@${domain}>`,
    summitId: mail.summitId ?? null,
    kind: mail.kind,
    recipient: mail.to,
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtml: mail.html ?? null,
    ical: mail.ical?.content ?? null,
    icalMethod: mail.ical?.method ?? null,
    secret: mail.secret ?? false,
    status: opts.delivers ? 'queued' : 'held',
  });
  return {
    delivers: opts.delivers,
    publicUrl: opts.publicUrl.replace(/\/$/, ''),
    from: opts.from ?? `Convene <no-reply@${new URL(opts.publicUrl).hostname}>`,
    enqueue: (tx, mail) => insertMessage(tx, row(mail)),
    enqueueAll: (tx, mails) => insertMessages(tx, mails.map(row)),
    outboxRow: row,
  };
}
