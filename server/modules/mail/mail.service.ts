import { type Actor, actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { conflict, forbidden, notFound, type Outcome } from '../../core/outcome.ts';
import type { Page } from '../../core/paging.ts';
import { rolesIn } from '../../core/roles.ts';
import { findSummitById, type SummitContext } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { mailPolicy } from './mail.policy.ts';
import type { Mailer } from './mailer.ts';
import * as repo from './outbox.repo.ts';

const HIDDEN = '(This message carries a sign-in link. It is not shown once handed to the mail server.)';

export function messageView(m: repo.OutboxRow) {
  const shown = mailPolicy.showsBody(m);
  return {
    id: m.id,
    messageId: m.messageId,
    kind: m.kind,
    recipient: m.recipient,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    nextAttemptAt: m.status === 'queued' ? m.nextAttemptAt : null,
    bodyText: shown ? m.bodyText : HIDDEN,
    bodyHtml: shown ? m.bodyHtml : null,
    calendar: m.ical ? { method: m.icalMethod, content: m.ical } : null,
  };
}

export type OutboxView = {
  delivers: boolean;
  messages: ReturnType<typeof messageView>[];
  signInLinks?: { id: number; recipient: string; createdAt: Date; link: string }[];
};

const LINK = /https?:\/\/\S+\/sign-in\/verify\?token=\S+/;

/** Every message, newest first (administrators: the route admits no one else). */
export async function allOutbox(db: Db, mailer: Mailer, page: Page): Promise<OutboxView> {
  return { delivers: mailer.delivers, messages: (await repo.listMessages(db, page)).map(messageView) };
}

/** A summit's messages, newest first, for its support unit. */
export async function summitOutbox(
  db: Db,
  mailer: Mailer,
  ctx: SummitContext,
  page: Page,
): Promise<Outcome<OutboxView>> {
  if (!mailPolicy.mayReadSummit(ctx.roles)) return forbidden('only the support unit reads the outbox');
  const messages = await repo.listMessages(db, { ...page, summitId: ctx.summit.id });
  // The sign-in links its people asked for, while no mail server takes them: the support unit
  // passes them on. Only the first page lists them (they are few, and valid for minutes).
  const held = page.beforeId ? [] : await repo.heldSignInLinksOf(db, ctx.summit.id, 50);
  const signInLinks = held.flatMap((m) => {
    const link = LINK.exec(m.bodyText)?.[0];
    return link ? [{ id: m.id, recipient: m.recipient, createdAt: m.createdAt, link }] : [];
  });
  return { ok: true, value: { delivers: mailer.delivers, messages: messages.map(messageView), signInLinks } };
}

/** Whether the actor may read (and re-send) this message. */
async function mayHandle(db: Db, actor: Actor, m: repo.OutboxRow): Promise<boolean> {
  if (mailPolicy.mayReadAll(actor)) return true;
  if (m.summitId === null) return false;
  return mailPolicy.mayReadSummit(await rolesIn(db, m.summitId, actor));
}

export async function getMessage(
  db: Db,
  actor: Actor,
  id: number,
): Promise<Outcome<ReturnType<typeof messageView>>> {
  const m = await repo.findMessage(db, id);
  if (!m || !(await mayHandle(db, actor, m))) return notFound(`message ${id} not found`);
  return { ok: true, value: messageView(m) };
}

/** Queues a failed (or held) message again; it keeps its Message-ID. */
export async function resend(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  id: number,
): Promise<Outcome<ReturnType<typeof messageView>>> {
  const m = await repo.findMessage(db, id);
  if (!m || !(await mayHandle(db, actor, m))) return notFound(`message ${id} not found`);
  if (m.status === 'sent' || m.status === 'sending') {
    return conflict(
      `message ${id} is ${m.status}: only a failed or held message can be sent again`,
      'status',
    );
  }
  if (!mailer.delivers)
    return forbidden('no mail server is configured (SMTP_URL): the message stays in the outbox');
  const summit = m.summitId === null ? null : await findSummitById(db, m.summitId);
  await db.transaction(async (tx) => {
    await repo.requeue(tx, id, 'queued');
    await record(tx, {
      summit,
      actor: actorLabel(actor),
      action: 'resend',
      entity: 'message',
      key: String(id),
      before: { status: m.status },
    });
  });
  return { ok: true, value: messageView((await repo.findMessage(db, id))!) };
}

// The module's public face: other modules write mail through these.
export type { Mailer, OutgoingMail } from './mailer.ts';
export { type GivenRole, inviteMail, signInMail } from './templates.ts';
export {
  asLanguage,
  CATALOGUES,
  dayText,
  intervalText,
  listText,
  type MailKey,
  momentText,
  preferredLanguage,
  type Translate,
  translator,
} from './i18n.ts';
export { languageOf, languagesOf } from './recipients.repo.ts';
export * from './proposal-templates.ts';
export * from './marketplace-templates.ts';
