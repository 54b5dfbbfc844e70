// Mail about a consultation, queued in the transaction of the change that causes it (the outbox):
// a request to the owner delegation's people with addresses; an answer to the provider who asked.
import type { Language } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import {
  type ConsultationEvent,
  consultationMail,
  languagesOf,
  type Mailer,
  type OutgoingMail,
} from '../mail/mail.service.ts';
import type { MarketContext } from './marketplace.context.ts';
import * as repo from './marketplace.repo.ts';

/**
 * Who hears of an event: the owner delegation's people with addresses, and the provider who asked;
 * with the languages known for them (the rest read the summit's).
 */
export type Recipients = {
  owners: readonly string[];
  requester: string | null;
  languages: ReadonlyMap<string, Language>;
};

export async function mailAbout(
  tx: Executor,
  mailer: Mailer,
  ctx: MarketContext,
  c: repo.ConsultationRow,
  event: ConsultationEvent,
): Promise<void> {
  const asksRequester = event !== 'requested';
  const [owners, requester] = await Promise.all([
    event === 'requested' || event === 'cancelled' || event === 'scheduled'
      ? repo.addressesOf(tx, c.owner.id)
      : [],
    asksRequester ? repo.userEmail(tx, c.requestedByUserId) : null,
  ]);
  const languages = await languagesOf(tx, ctx.summit.id, [...owners, ...(requester ? [requester] : [])]);
  await mailer.enqueueAll(tx, mailsAbout(mailer, ctx, c, event, { owners, requester, languages }));
}

/** The messages an event sends, one per address (none when no one concerned has one). */
export function mailsAbout(
  mailer: Mailer,
  ctx: MarketContext,
  c: repo.ConsultationRow,
  event: ConsultationEvent,
  { owners, requester, languages }: Recipients,
): OutgoingMail[] {
  const { summit } = ctx;
  const to =
    event === 'requested'
      ? owners
      : event === 'cancelled' || event === 'scheduled'
        ? [...owners, requester]
        : [requester];
  const next = `/summits/${summit.slug}/marketplace/consultations/${c.id}`;
  const facts = {
    summit: summit.name,
    timeZone: summit.timeZone,
    need: c.needTitle,
    owner: c.owner.name,
    providers: c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation.name),
    place:
      c.start === null || c.end === null || c.roomName === null
        ? null
        : { table: c.roomName, start: c.start, end: c.end },
  };
  return [...new Set(to.filter((a): a is string => a !== null))].map((address) => {
    const link = `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(address)}&next=${encodeURIComponent(next)}`;
    const language = languages.get(address) ?? summit.language;
    const mail = consultationMail(event, { ...facts, language, link });
    return { kind: `marketplace_${event}`, summitId: summit.id, to: address, ...mail };
  });
}
