// Calendar feeds a calendar app subscribes to: a room's (public with the summit, like the exports),
// and private ones for a delegation or a person behind an unguessable read-only token (a calendar
// app cannot send headers, so the token is in the address). A private feed answers only while it is
// not revoked and its maker may still see what it shows (access ends with its grant, decision 0012);
// otherwise, as an unknown token, 404. Each reflects the published programme when fetched: its
// calendar is kept with the programme it was written from (exports/programme-cache.ts).
import type { Actor, UserActor } from '../../core/actor.ts';
import { forbidden, notFound, type Outcome } from '../../core/outcome.ts';
import { membershipIn, type SummitRoles } from '../../core/roles.ts';
import { findSummit, type SummitRecord } from '../../core/summit-context.ts';
import { hashToken, newToken } from '../../core/secrets.ts';
import type { Db } from '../../db/client.ts';
import type { FeedBody } from '../../../shared/schemas/feeds.ts';
import {
  type ExportSession,
  assembleCalendar,
  type HeldProgramme,
  type KeptCalendar,
  type ProgrammeCache,
  stamped,
} from '../exports/exports.service.ts';
import { loadDelegations, loadPeople } from '../programme/programme.service.ts';
import * as repo from './feeds.repo.ts';

type Scope = { scope: 'delegation' | 'person'; key: string };
const scopeOf = (body: FeedBody): Scope =>
  'delegation' in body
    ? { scope: 'delegation', key: body.delegation }
    : { scope: 'person', key: body.person };

/** The name of what a feed shows, if it exists in the summit. */
async function nameOf(db: Db, summitId: number, s: Scope): Promise<string | null> {
  if (s.scope === 'delegation') return (await loadDelegations(db, summitId, [s.key]))[0]?.name ?? null;
  return (await loadPeople(db, summitId, { keys: [s.key] }))[0]?.name ?? null;
}

/**
 * Whether these roles see a delegation's or a person's sessions: the support unit; a delegation's
 * own people; a person themself, or a focal point of their delegation.
 */
async function sees(db: Db, summitId: number, roles: SummitRoles, s: Scope): Promise<boolean> {
  if (roles.supportUnit) return true;
  if (s.scope === 'delegation') return roles.delegateOf.has(s.key);
  if (roles.personKeys.has(s.key)) return true;
  const [person] = await loadPeople(db, summitId, { keys: [s.key] });
  return person?.delegation != null && roles.focalPointOf.has(person.delegation);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const view = (f: repo.FeedRow, name: string) => ({
  id: f.id,
  summit: { slug: f.slug, name: f.summitName },
  scope: f.scope as Scope['scope'],
  key: f.scopeKey,
  name,
  createdAt: f.createdAt.toISOString(),
  lastUsedAt: iso(f.lastUsedAt),
});

const feedPath = (token: string) => `/api/feeds/${token}/calendar.ics`;

export async function createFeed(db: Db, publicUrl: string, actor: Actor, slug: string, body: FeedBody) {
  const missing = notFound(`summit "${slug}" not found`);
  if (actor.kind !== 'user') return forbidden('a feed belongs to a person: sign in to make one');
  const summit = await findSummit(db, slug);
  if (!summit) return missing;
  const s = scopeOf(body);
  const roles = await membershipIn(db, summit.id, actor);
  const name = await nameOf(db, summit.id, s);
  // What the caller may not see answers as missing, like what does not exist.
  if (name === null || !(await sees(db, summit.id, roles, s)))
    return notFound(`${s.scope} "${s.key}" not found`, s.scope);
  const token = newToken('feed_');
  const id = await repo.insertFeed(db, {
    summitId: summit.id,
    userId: actor.userId,
    tokenHash: hashToken(token),
    scope: s.scope,
    scopeKey: s.key,
  });
  const url = `${publicUrl}${feedPath(token)}`;
  return {
    ok: true as const,
    value: { ...view((await repo.findFeed(db, id))!, name), url, webcal: url.replace(/^https?:/, 'webcal:') },
  };
}

export async function myFeeds(db: Db, actor: Actor) {
  if (actor.kind !== 'user') return { ok: true as const, value: [] };
  const feeds = await repo.listFeeds(db, actor.userId);
  const out = [];
  for (const f of feeds)
    out.push(
      view(
        f,
        (await nameOf(db, f.summitId, { scope: f.scope as Scope['scope'], key: f.scopeKey })) ?? f.scopeKey,
      ),
    );
  return { ok: true as const, value: out };
}

export async function revokeFeed(db: Db, actor: Actor, id: number): Promise<Outcome<null>> {
  const f = await repo.findFeed(db, id);
  // Someone else's feed is not found, as one that does not exist.
  if (!f || f.revokedAt !== null || actor.kind !== 'user' || f.userId !== actor.userId)
    return notFound(`feed ${id} not found`);
  await repo.revokeFeed(db, id, new Date());
  return { ok: true, value: null };
}

export type FeedFile = { etag: string; text: (now: number) => string; filename: string };

/** The sessions a feed shows: those naming the delegation (or one of its people), or the person. */
async function chosen(db: Db, summit: SummitRecord, s: Scope, sessions: ExportSession[]) {
  if (s.scope === 'person') return sessions.filter((x) => x.named.some((n) => n.person && n.key === s.key));
  const people = await loadPeople(db, summit.id);
  const ofDelegation = new Set(people.filter((p) => p.delegation === s.key).map((p) => p.key));
  return sessions.filter((x) => x.named.some((n) => (n.person ? ofDelegation.has(n.key) : n.key === s.key)));
}

// How often a feed's "last used" is written: a calendar app polling it is not a write per fetch.
const TOUCH_EVERY_MS = 60_000;

/** A private feed by its token: null (404) when unknown, revoked, or no longer its maker's to see. */
export async function privateFeed(
  db: Db,
  programmes: ProgrammeCache,
  token: string,
): Promise<FeedFile | null> {
  const found = await repo.findByHash(db, hashToken(token));
  if (!found) return null;
  const { feed: f, summit, maker: user, programmeVersion } = found;
  const maker: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    admin: user.isAdmin,
    label: user.email,
  };
  const s = { scope: f.scope as Scope['scope'], key: f.scopeKey };
  // Membership is all `sees` asks of the maker's roles (two queries, not rolesIn's nine).
  if (!(await sees(db, summit.id, await membershipIn(db, summit.id, maker), s))) return null;
  const now = new Date();
  if (!f.lastUsedAt || now.getTime() - f.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await repo.touchFeed(db, f.id, now);
  const held = await programmes.current(summit, programmeVersion);
  // What it shows and its name come from the programme: written once while the programme holds.
  const made = await keptFeed(held, s, async () => ({
    name: (await nameOf(db, summit.id, s)) ?? s.key,
    sessions: await chosen(db, summit, s, held.snapshot.programme.sessions),
  }));
  return fileOf(summit, s, made);
}

/** A room's feed: public with its summit (the caller sees the summit), 404 for an unknown room. */
export async function roomFeed(
  programmes: ProgrammeCache,
  summit: SummitRecord,
  room: string,
): Promise<FeedFile | null> {
  const held = await programmes.current(summit);
  const found = held.snapshot.programme.rooms.find((r) => r.key === room);
  if (!found) return null;
  const s = { scope: 'room', key: room };
  const made = await keptFeed(held, s, async () => ({
    name: found.name,
    sessions: held.snapshot.programme.sessions.filter((x) => x.room?.key === room),
  }));
  return fileOf(summit, s, made);
}

/**
 * A feed's calendar, kept with the programme it was written from. What it shows is chosen (which
 * may read the database) only when the programme changed since it was last written; while two
 * fetches choose at once, both write it, and either is kept (they are the same).
 */
async function keptFeed(
  held: HeldProgramme,
  s: { scope: string; key: string },
  choose: () => Promise<{ name: string; sessions: ExportSession[] }>,
): Promise<KeptCalendar> {
  const key = `${s.scope}:${s.key}`;
  const kept = held.kept(key);
  if (kept) return kept;
  const { name, sessions } = await choose();
  const { summit } = held.snapshot.programme;
  // The calendar's name, as a calendar app lists it: "GFMD 2018 Summit: Republic of Moldova".
  return held.calendar(key, (events) =>
    assembleCalendar({ ...summit, name: `${summit.name}: ${name}` }, sessions, events),
  );
}

function fileOf(summit: SummitRecord, s: { scope: string; key: string }, made: KeptCalendar): FeedFile {
  return {
    // A hash of what the feed says (but its DTSTAMPs): a new tag exactly when that changes.
    etag: `W/"${made.etag}"`,
    text: (now) => stamped(made, now),
    filename: `${summit.slug}-${s.scope}-${s.key}.ics`,
  };
}
