// The session an accepted consultation is (as an accepted proposal becomes a side event): kind
// marketplace_consultation, at its table and slot, in the Marketplace window holding it, with the
// owner delegation as `owner`, providers as `provider`, observers as `observer`, so that the
// conflict panel, agendas and calendars see it.
import { andList } from '../../../shared/domain/marketplace.ts';
import type { Participant, Session } from '../../../shared/domain/programme.ts';
import { sessionToItem } from '../../../shared/domain/summit-file.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { isPublic } from '../../core/summit-context.ts';
import type { Executor } from '../../db/client.ts';
import { findId, insertSession, removeSession } from '../programme/programme.service.ts';
import type { MarketContext } from './marketplace.context.ts';
import * as repo from './marketplace.repo.ts';

export const sessionKey = (id: number) => `mc-${id}`;

async function sessionOf(tx: Executor, ctx: MarketContext, c: repo.ConsultationRow): Promise<Session> {
  const settings = await repo.findSettings(tx, ctx.summit.id);
  const slotted = c.start !== null && c.end !== null;
  // Without a slot, the session waits unplaced for the support unit's schedule, in the one window
  // there is (with several, the schedule keeps it to the Marketplace's windows and tables).
  const window = slotted
    ? settings?.segments.find((s) => s.start <= c.start! && c.end! <= s.end)
    : settings?.segments.length === 1
      ? settings.segments[0]
      : undefined;
  const participants: Participant[] = [
    { delegation: c.owner.key, person: null, role: 'owner' },
    ...c.parties.map((p) => ({ delegation: p.delegation.key, person: null, role: p.role })),
  ];
  return {
    key: sessionKey(c.id),
    kind: 'marketplace_consultation',
    // Several consultations may be held on one need: the providers tell them apart in an agenda.
    title: `Marketplace: ${c.needTitle}, with ${andList(
      c.parties.filter((p) => p.role === 'provider').map((p) => p.delegation.name),
    )}`,
    segment: window?.key ?? null,
    room: c.room,
    start: c.start,
    end: c.end,
    durationMinutes: slotted ? Math.round((c.end! - c.start!) / 60_000) : (settings?.slotMinutes ?? 30),
    preferredStarts: [],
    expectedAttendance: null,
    equipment: [],
    microphones: null,
    // Held where it was booked; one waiting for the schedule may be placed.
    pinned: slotted,
    // Published with the rest once the summit is public (and it has a time); a draft before, so as
    // not to make it public.
    status: slotted && (await isPublic(tx, ctx.summit.id)) ? 'published' : 'draft',
    participants,
  };
}

/** Makes the session of an accepted consultation; answers its id. */
export async function makeSession(
  tx: Executor,
  ctx: MarketContext,
  c: repo.ConsultationRow,
): Promise<number> {
  const session = await sessionOf(tx, ctx, c);
  await insertSession(tx, ctx.summit.id, session);
  await record(tx, {
    summit: ctx.summit,
    actor: actorLabel(ctx.actor),
    action: 'create',
    entity: 'session',
    key: session.key,
    after: sessionToItem(session, ctx.summit.timeZone),
  });
  return (await findId(tx, ctx.summit.id, 'sessions', session.key))!;
}

/** Removes the session of a consultation no longer held. */
export async function dropSession(tx: Executor, ctx: MarketContext, key: string): Promise<void> {
  if (!(await removeSession(tx, ctx.summit.id, key))) return;
  await record(tx, {
    summit: ctx.summit,
    actor: actorLabel(ctx.actor),
    action: 'delete',
    entity: 'session',
    key,
  });
}

/** Makes the session again with the consultation's parties as they now are (one joined or observes). */
export async function rebuildSession(
  tx: Executor,
  ctx: MarketContext,
  c: repo.ConsultationRow,
): Promise<void> {
  await removeSession(tx, ctx.summit.id, c.session!);
  const session = await sessionOf(tx, ctx, c);
  await insertSession(tx, ctx.summit.id, { ...session, key: c.session! });
  await repo.updateConsultation(tx, c.id, {
    sessionId: await findId(tx, ctx.summit.id, 'sessions', c.session!),
  });
}
