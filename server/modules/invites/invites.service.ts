// Releases and invitations: publishing makes a release, compares it with the last one and queues,
// in the same transaction, one iTIP message per affected session for each person committed to it
// (docs/invites.md). And the RSVP links those messages carry.
import type { z } from 'zod';
import type { releaseStateSchema, RsvpAnswer, rsvpListSchema } from '../../../shared/schemas/invites.ts';
import { forbidden, notFound, type Outcome } from '../../core/outcome.ts';
import { findSummitById, type SummitContext, type SummitRecord } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { sessionUid } from '../calendar/calendar.service.ts';
import { languagesOf, type Mailer, type OutgoingMail } from '../mail/mail.service.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { loadPeople, loadRooms, loadSessions, publishedSessionIds } from '../programme/programme.service.ts';
import { type InviteReason, sessionInvites } from './invite-mail.ts';
import * as repo from './invites.repo.ts';
import { compareReleases, releaseOf, type SessionChange } from './release.ts';
import { newRsvpSecret, readRsvpToken, rsvpToken, verifyRsvp } from './rsvp-token.ts';

export type ReleaseMade = { number: number; invitations: number };

export const sessionPage = (publicUrl: string, slug: string, key: string) =>
  `${publicUrl}/summits/${encodeURIComponent(slug)}/sessions/${encodeURIComponent(key)}`;

const ANSWERS: readonly RsvpAnswer[] = ['accepted', 'tentative', 'declined'];

/**
 * Records a release of the summit's published programme and queues the invitations it calls for,
 * in the caller's transaction (the one that publishes, under the summit's lock).
 */
export async function makeRelease(
  tx: Executor,
  summit: SummitRecord,
  mailer: Mailer,
  now = Date.now(),
): Promise<ReleaseMade> {
  const [rooms, people, sessions, last] = [
    await loadRooms(tx, summit.id),
    await loadPeople(tx, summit.id),
    await loadSessions(tx, summit.id),
    await repo.lastRelease(tx, summit.id),
  ];
  const released = releaseOf({ rooms, people, sessions }, summit.venue);
  const number = (last?.number ?? 0) + 1;
  await repo.insertRelease(tx, summit.id, number, released);
  const changes = compareReleases(last?.sessions ?? [], released);
  const identities = await repo.advanceSequences(
    tx,
    summit.id,
    changes.map((c) => ({
      sessionKey: c.session.key,
      uid: sessionUid(summit.slug, c.session.key),
      rsvpSecret: newRsvpSecret(),
      raise: c.raise,
    })),
  );
  const addresses = changes.flatMap((c) => [...c.requests, ...c.cancels].map((a) => a.email));
  const languages = await languagesOf(tx, summit.id, addresses);
  const languageOf = (email: string) => languages.get(email.toLowerCase()) ?? summit.language;
  const mails = changes.flatMap((c) =>
    changeMails(summit, mailer, c, identities.get(c.session.key)!, now, languageOf),
  );
  await mailer.enqueueAll(tx, mails);
  return { number, invitations: mails.length };
}

function changeMails(
  summit: SummitRecord,
  mailer: Mailer,
  change: SessionChange,
  identity: repo.CalendarIdentity,
  now: number,
  languageOf: (email: string) => Language,
): OutgoingMail[] {
  const write = sessionInvites({
    summit,
    session: change.session,
    uid: identity.uid,
    sequence: identity.sequence,
    organizer: mailer.from,
    url: sessionPage(mailer.publicUrl, summit.slug, change.session.key),
    now,
  });
  const rsvp = (person: string) => {
    const claim = { summitId: summit.id, session: change.session.key, person };
    const link = (answer: RsvpAnswer) =>
      `${mailer.publicUrl}/api/rsvp/${rsvpToken(identity.rsvpSecret, claim, answer)}?answer=${answer}`;
    return Object.fromEntries(ANSWERS.map((a) => [a, link(a)])) as Record<RsvpAnswer, string>;
  };
  const requestReason: InviteReason = change.kind === 'changed' ? 'changed' : 'new';
  const cancelReason: InviteReason = change.kind === 'cancelled' ? 'cancelled' : 'removed';
  return [
    ...change.requests.map((a) => write(a, requestReason, rsvp(a.key), languageOf(a.email))),
    ...change.cancels.map((a) => write(a, cancelReason, null, languageOf(a.email))),
  ];
}

/**
 * Whether the programme is published, and its last release: anyone who may open the summit reads
 * it. The support unit also learns how many placed sessions wait for the next release (drafts are
 * its own to see).
 */
export async function releaseState(db: Db, ctx: SummitContext): Promise<z.output<typeof releaseStateSchema>> {
  const last = await repo.lastReleaseFacts(db, ctx.summit.id);
  // A summit file may bring sessions already published, before any release made here.
  const published = (await publishedSessionIds(db, ctx.summit.id)).size;
  const waiting = ctx.view.drafts
    ? (await loadSessions(db, ctx.summit.id)).filter((s) => s.status === 'draft' && s.start !== null).length
    : null;
  return {
    state: last || published > 0 ? 'published' : 'draft',
    published,
    lastRelease: last && { number: last.number, at: last.at.toISOString(), sessions: last.sessions },
    waiting,
  };
}

export type RsvpSubject = { summit: string; session: string; title: string; person: string };

/**
 * What an RSVP link answers for, when its token is genuine for that answer; with `record`, the
 * answer is saved (the last answer counts). Anything else is not found.
 */
export async function rsvp(
  db: Db,
  token: string,
  answer: RsvpAnswer,
  record: boolean,
): Promise<Outcome<RsvpSubject>> {
  const missing = notFound('no such invitation');
  const claim = readRsvpToken(token);
  if (!claim) return missing;
  const identity = await repo.findIdentity(db, claim.summitId, claim.session);
  if (!identity || !verifyRsvp(identity.rsvpSecret, token, answer)) return missing;
  const [summit, [person], [session]] = await Promise.all([
    findSummitById(db, claim.summitId),
    loadPeople(db, claim.summitId, { keys: [claim.person] }),
    loadSessions(db, claim.summitId, { keys: [claim.session] }),
  ]);
  if (!summit || !person) return missing;
  if (record) {
    await repo.saveRsvp(db, {
      summitId: summit.id,
      sessionKey: claim.session,
      personKey: person.key,
      answer,
    });
  }
  return {
    ok: true,
    value: {
      summit: summit.name,
      session: claim.session,
      title: session?.title ?? claim.session,
      person: person.name,
    },
  };
}

type RsvpList = z.infer<typeof rsvpListSchema>;

/** Every RSVP answer of a summit: for its support unit. */
export async function summitRsvps(db: Db, ctx: SummitContext): Promise<Outcome<RsvpList>> {
  if (!ctx.roles.supportUnit) return forbidden('only the support unit reads the answers to invitations');
  const rows = await repo.listRsvps(db, ctx.summit.id);
  return {
    ok: true,
    value: {
      rsvps: rows.map((r) => ({
        session: r.sessionKey,
        person: r.personKey,
        answer: r.answer as RsvpAnswer,
        answeredAt: r.answeredAt.toISOString(),
      })),
    },
  };
}
