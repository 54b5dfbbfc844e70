// Mail about a consultation, queued in the transaction of the change that causes it (the outbox):
// a request to the owner delegation's people with addresses; an answer to the provider who asked.
import { andList } from '../../../shared/domain/marketplace.ts';
import { zoneOffsets } from '../../../shared/domain/time.ts';
import { formatInterval } from '../../../shared/domain/wall-clock.ts';
import type { Executor } from '../../db/client.ts';
import {
  type ConsultationEvent,
  consultationMail,
  type Mailer,
  type OutgoingMail,
} from '../mail/mail.service.ts';
import type { MarketContext } from './marketplace.context.ts';
import * as repo from './marketplace.repo.ts';

const DAY = 86_400_000;

/** Where and when, in words: "at Table 1 on Thu 6 Dec 11:45–12:15 (Africa/Casablanca)". */
function placeOf(c: repo.ConsultationRow, zone: string): { at: string; when: string | null } {
  if (c.start === null || c.end === null || c.roomName === null)
    return { at: 'at a table and time the support unit will set', when: null };
  const when = `${formatInterval(c.start, c.end, zoneOffsets(zone, c.start - DAY, c.end + DAY))} (${zone})`;
  return { at: `at ${c.roomName} on ${when}`, when };
}

/** Who hears of an event: the owner delegation's people with addresses, and the provider who asked. */
export type Recipients = { owners: readonly string[]; requester: string | null };

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
  await mailer.enqueueAll(tx, mailsAbout(mailer, ctx, c, event, { owners, requester }));
}

/** The messages an event sends, one per address (none when no one concerned has one). */
export function mailsAbout(
  mailer: Mailer,
  ctx: MarketContext,
  c: repo.ConsultationRow,
  event: ConsultationEvent,
  { owners, requester }: Recipients,
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
    need: c.needTitle,
    owner: c.owner.name,
    providers: andList(c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation.name)),
    ...placeOf(c, summit.timeZone),
  };
  return [...new Set(to.filter((a): a is string => a !== null))].map((address) => {
    const link = `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(address)}&next=${encodeURIComponent(next)}`;
    const mail = consultationMail(event, { ...facts, link });
    return { kind: `marketplace_${event}`, summitId: summit.id, to: address, ...mail };
  });
}
