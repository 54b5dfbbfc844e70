// Sign-in by e-mail link, sessions, sign-out (here or everywhere) and API tokens.
import { type Actor, actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { type Failure, forbidden, invalidField, type Outcome, tooMany } from '../../core/outcome.ts';
import { rolesOf, summitsOf } from '../../core/roles.ts';
import { adminFingerprint, hashToken, newToken, sameSecret } from '../../core/secrets.ts';
import type { Db, Executor } from '../../db/client.ts';
import { languageOf, type Mailer, signInMail } from '../mail/mail.service.ts';
import type { SummitRoleName } from '../../../shared/schemas/accounts.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import * as repo from './auth.repo.ts';

export const LINK_MINUTES = 15;
export const SESSION_DAYS = 30;
/**
 * Sign-in links in any 15 minutes (docs/decisions/0004): per address from one network address, per
 * network address, and per address from anywhere, a ceiling high enough that others cannot reach it
 * cheaply. The window is a link's lifetime, so an address refused at its ceiling holds that many
 * links that still work.
 */
export const LIMITS = { perEmailAndIp: 5, perIp: 20, perEmail: 30, windowMs: LINK_MINUTES * 60_000 };

/**
 * Only a path of this site may follow sign-in, never another site (open redirect). `next` is read
 * the way a browser reads it (WHATWG URL: tabs and newlines dropped, a backslash is a slash, "." and
 * ".." resolved) against this site's origin; what is kept is the path, query and fragment, and only
 * if that path cannot itself be read as another site ("/.//evil.example" resolves to "//evil.example").
 */
function safeNext(next: string | undefined, origin: string): string | null {
  if (!next) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === origin && path.startsWith('/') && !path.startsWith('//') ? path : null;
}

/**
 * Sends a sign-in link to any address: people of a summit get their roles, anyone else is a
 * visitor. The answer never says whether the address was known.
 */
export async function requestLink(
  db: Db,
  mailer: Mailer,
  input: { email: string; next?: string },
  ip: string,
): Promise<Outcome<null>> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - LIMITS.windowMs);
  const limited = (what: string, path: string): Failure =>
    tooMany(`too many sign-in links requested ${what}; try again in ${LINK_MINUTES} minutes`, path);
  return db.transaction(async (tx) => {
    // Counting and inserting is one decision: without the lock, requests arriving together on
    // PostgreSQL each counted 4 links and all passed.
    await repo.lockLinkLimits(tx, { ip, email });
    if ((await repo.recentLinks(tx, { ip }, since)) >= LIMITS.perIp)
      return limited('from this network address', '');
    if ((await repo.recentLinks(tx, { email, ip }, since)) >= LIMITS.perEmailAndIp)
      return limited('for this address from this network address', 'email');
    if ((await repo.recentLinks(tx, { email }, since)) >= LIMITS.perEmail) {
      return tooMany(
        `too many sign-in links were sent to this address in the last ${LINK_MINUTES} minutes: each of them works for ${LINK_MINUTES} minutes, or try again later`,
        'email',
      );
    }
    const token = newToken();
    await repo.insertLink(tx, {
      email,
      tokenHash: hashToken(token),
      ip,
      next: safeNext(input.next, new URL(mailer.publicUrl).origin),
      expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000),
    });
    const mail = signInMail(
      await languageOf(tx, null, email),
      `${mailer.publicUrl}/sign-in/verify?token=${encodeURIComponent(token)}`,
      LINK_MINUTES,
    );
    await mailer.enqueue(tx, { kind: 'sign_in', to: email, ...mail, secret: true });
    return { ok: true as const, value: null };
  });
}

export type NewSession = { cookieToken: string; csrfToken: string; next: string | null };

/**
 * Administrator access (a session opened with ADMIN_TOKEN, a token made with it, a session opened
 * with that token) carries the fingerprint of the ADMIN_TOKEN that granted it, and counts only while
 * ADMIN_TOKEN has that fingerprint: changing or unsetting ADMIN_TOKEN ends it all.
 */
const grantedByAdminToken = (fingerprint: string | null, adminToken: string | undefined): boolean =>
  fingerprint !== null && adminToken !== undefined && sameSecret(fingerprint, adminFingerprint(adminToken));

/**
 * `admin`: the fingerprint of the ADMIN_TOKEN that grants an administrator's session; `apiTokenId`:
 * the API token that opened the session, which ends with it.
 */
async function openSession(
  db: Executor,
  who: { userId: number } | { admin: string },
  next: string | null,
  apiTokenId: number | null = null,
): Promise<NewSession> {
  const cookieToken = newToken();
  const csrfToken = newToken();
  await repo.insertSession(db, {
    userId: 'userId' in who ? who.userId : null,
    isAdmin: 'admin' in who,
    adminFingerprint: 'admin' in who ? who.admin : null,
    tokenHash: hashToken(cookieToken),
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    apiTokenId,
  });
  return { cookieToken, csrfToken, next };
}

export async function verifyLink(db: Db, token: string): Promise<Outcome<NewSession>> {
  return db.transaction(async (tx) => {
    const link = await repo.consumeLink(tx, hashToken(token), new Date());
    if (!link) {
      return invalidField(
        'this sign-in link is unknown, already used or expired: ask for a new one',
        'token',
        'signInLink',
      );
    }
    const user = await repo.ensureUser(tx, link.email);
    return { ok: true, value: await openSession(tx, { userId: user.id }, link.next) };
  });
}

/**
 * The unrevoked API token with this secret, and its maker; an administrator's token only while
 * ADMIN_TOKEN is the one it was made with.
 */
async function validApiToken(db: Db, token: string, adminToken: string | undefined) {
  const found = await repo.findApiToken(db, hashToken(token));
  if (!found || (!found.user && !grantedByAdminToken(found.token.adminFingerprint, adminToken))) return null;
  await repo.touchApiToken(db, found.token.id);
  return found;
}

/** Opens a browser session with ADMIN_TOKEN or an API token (the support unit's way in before any link). */
export async function tokenSignIn(
  db: Db,
  adminToken: string | undefined,
  token: string,
): Promise<Outcome<NewSession>> {
  if (adminToken && sameSecret(token, adminToken))
    return { ok: true, value: await openSession(db, { admin: adminFingerprint(adminToken) }, null) };
  const found = await validApiToken(db, token, adminToken);
  if (!found) return invalidField('unknown or revoked token', 'token');
  const who = found.user ? { userId: found.user.id } : { admin: found.token.adminFingerprint! };
  return { ok: true, value: await openSession(db, who, null, found.token.id) };
}

export async function signOutEverywhere(db: Db, actor: Actor): Promise<number> {
  if (actor.kind === 'anonymous') return 0;
  return db.transaction(async (tx) => {
    const n = await repo.deleteSessionsOf(tx, actor.kind === 'user' ? actor.userId : null);
    await record(tx, {
      summit: null,
      actor: actorLabel(actor),
      action: 'sign_out_everywhere',
      entity: 'session',
      after: { sessions: n },
    });
    return n;
  });
}

/** Who the caller is, the language they chose, and what they are in each summit they belong to. */
export async function me(db: Db, actor: Actor) {
  if (actor.kind !== 'user')
    return { kind: actor.kind, email: null, admin: actor.kind === 'admin', language: null, summits: [] };
  const [summits, language] = await Promise.all([
    summitsOf(db, actor),
    repo.languageOfUser(db, actor.userId),
  ]);
  return {
    kind: actor.kind,
    email: actor.email,
    admin: actor.admin,
    language,
    summits: await Promise.all(
      summits.map(async (s) => {
        const r = await rolesOf(db, s.id, actor);
        const roles: SummitRoleName[] = [
          ...(r.supportUnit ? (['support_unit'] as const) : []),
          ...(r.focalPointOf.size ? (['focal_point'] as const) : []),
          ...(r.delegateOf.size ? (['delegate'] as const) : []),
          ...(r.organiserOf.size || r.proposes ? (['organiser'] as const) : []),
          ...(['owner', 'provider', 'visitor'] as const)
            .filter((m) => r.marketplace[m])
            .map((m) => `marketplace_${m}` as const),
        ];
        return {
          slug: s.slug,
          name: s.name,
          roles: roles.length ? roles : (['visitor'] as SummitRoleName[]),
          delegations: [...r.delegateOf],
          people: [...r.personKeys],
        };
      }),
    ),
  };
}

/**
 * Remembers the language a signed-in person reads Convene in (null: none, the browser's and each
 * summit's). Their mail is written in it from now on. An administrator's session (ADMIN_TOKEN) has
 * no account to remember it in.
 */
export async function setLanguage(db: Db, actor: Actor, language: Language | null): Promise<Outcome<null>> {
  if (actor.kind !== 'user')
    return forbidden(
      'an administrator’s session has no account to remember a language in: sign in with your address',
    );
  await db.transaction(async (tx) => {
    const before = await repo.setLanguageOfUser(tx, actor.userId, language);
    await record(tx, {
      summit: null,
      actor: actorLabel(actor),
      action: 'update',
      entity: 'account',
      key: actor.email,
      before: { language: before },
      after: { language },
    });
  });
  return { ok: true, value: null };
}

/** The actor a Bearer token stands for: ADMIN_TOKEN, or an API token acting as its maker; null if neither. */
export async function actorOfBearer(
  db: Db,
  token: string,
  adminToken: string | undefined,
): Promise<Actor | null> {
  if (adminToken && sameSecret(token, adminToken)) return { kind: 'admin', label: 'admin (ADMIN_TOKEN)' };
  const found = await validApiToken(db, token, adminToken);
  if (!found) return null;
  const label = `token "${found.token.name}"`;
  if (!found.user) return { kind: 'admin', label };
  const { user } = found;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    admin: user.isAdmin,
    label: `${user.email} (${label})`,
  };
}

/**
 * The unexpired session a cookie opens (an administrator's only while ADMIN_TOKEN is the one that
 * granted it): who it is, and its CSRF token.
 */
export async function sessionOfCookie(
  db: Db,
  cookieToken: string,
  adminToken: string | undefined,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const session = await repo.findCookieSession(db, hashToken(cookieToken), new Date());
  if (!session) return null;
  const { user } = session;
  if (!user && !grantedByAdminToken(session.adminFingerprint, adminToken)) return null;
  const actor: Actor = user
    ? { kind: 'user', userId: user.id, email: user.email, admin: user.isAdmin, label: user.email }
    : { kind: 'admin', label: 'admin (session)' };
  return { actor, csrfToken: session.csrfToken };
}

/** Ends the session a cookie opened (signing out on this device). */
export async function signOut(db: Db, cookieToken: string): Promise<void> {
  await repo.deleteSession(db, hashToken(cookieToken));
}

/** The user with this address, created if there is none (someone given a role before signing in). */
export const ensureUser = (db: Executor, email: string) => repo.ensureUser(db, email);

/** Forgets expired sign-in links and sessions; the server runs it hourly. */
export function purgeExpired(db: Db, now = new Date()): Promise<{ links: number; sessions: number }> {
  return repo.purgeExpired(db, now, new Date(now.getTime() - LIMITS.windowMs));
}
