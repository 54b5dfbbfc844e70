import type { Db } from '../../db/client.ts';
import { actorLabel, type Actor } from '../../http/access.ts';
import { forbidden, type Failure } from '../../http/route.ts';
import { record } from '../audit/audit.repo.ts';
import { rolesIn } from '../summits/summit-access.ts';
import { findSummitById } from '../summits/summits.repo.ts';
import { mailPolicy } from './mail.policy.ts';
import type { Mailer } from './mailer.ts';
import * as repo from './outbox.repo.ts';

type Outcome<T> = { ok: true; value: T } | Failure;
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

export async function listOutbox(db: Db, filter: { summitId?: number; limit: number; beforeId?: number }) {
  return (await repo.listMessages(db, filter)).map(messageView);
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
  if (!m || !(await mayHandle(db, actor, m)))
    return { ok: false, reason: 'not_found', errors: [{ path: '', message: `message ${id} not found` }] };
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
  if (!m || !(await mayHandle(db, actor, m)))
    return { ok: false, reason: 'not_found', errors: [{ path: '', message: `message ${id} not found` }] };
  if (m.status === 'sent' || m.status === 'sending')
    return {
      ok: false,
      reason: 'conflict',
      errors: [
        {
          path: 'status',
          message: `message ${id} is ${m.status}: only a failed or held message can be sent again`,
        },
      ],
    };
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
