// Mail about a consultation, queued in the transaction of the change that causes it (the outbox):
// a request to the owner delegation's people with addresses; an answer to the provider who asked.
import { zoneOffsets } from '../../../shared/domain/time.ts';
import { formatInterval } from '../../../shared/domain/wall-clock.ts';
import type { Executor } from '../../db/client.ts';
import { type ConsultationEvent, consultationMail, type Mailer } from '../mail/mail.service.ts';
import type { MarketContext } from './marketplace.context.ts';
import * as repo from './marketplace.repo.ts';

const DAY = 86_400_000;
const names = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

export async function mailAbout(
  tx: Executor,
  mailer: Mailer,
  ctx: MarketContext,
  c: repo.ConsultationRow,
  event: ConsultationEvent,
): Promise<void> {
  const { summit } = ctx;
  const requester = await repo.userEmail(tx, c.requestedByUserId);
  const owners = await repo.addressesOf(tx, c.owner.id);
  const to = event === 'requested' ? owners : event === 'cancelled' ? [...owners, requester] : [requester];
  const next = `/summits/${summit.slug}/marketplace/consultations/${c.id}`;
  const facts = {
    summit: summit.name,
    need: c.needTitle,
    owner: c.owner.name,
    providers: names(c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation.name)),
    table: c.roomName,
    when: `${formatInterval(c.start, c.end, zoneOffsets(summit.timeZone, c.start - DAY, c.end + DAY))} (${summit.timeZone})`,
  };
  for (const address of new Set(to.filter((a): a is string => a !== null))) {
    const link = `${mailer.publicUrl}/sign-in?email=${encodeURIComponent(address)}&next=${encodeURIComponent(next)}`;
    const mail = consultationMail(event, { ...facts, link });
    await mailer.enqueue(tx, { kind: `marketplace_${event}`, summitId: summit.id, to: address, ...mail });
  }
}
