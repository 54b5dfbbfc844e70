import { and, count, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { type Executor, fixedRows } from '../../db/client.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { apiTokens, authSessions, signInLinks, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

/** The user with this address, created if there is none. */
export async function ensureUser(db: Executor, email: string): Promise<UserRow> {
  const lower = email.toLowerCase();
  await db.insert(users).values({ email: lower }).onConflictDoNothing();
  return (await findUserByEmail(db, lower))!;
}

/** The language a user chose for themselves (null: none). */
export async function languageOfUser(db: Executor, userId: number): Promise<Language | null> {
  const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  return (row?.language ?? null) as Language | null;
}

/** Remembers the language a user chose; returns the one they had. */
export async function setLanguageOfUser(db: Executor, userId: number, language: Language | null) {
  const before = await languageOfUser(db, userId);
  await db.update(users).set({ language }).where(eq(users.id, userId));
  return before;
}

/**
 * Makes the rate-limit decision for a network address and an e-mail address one at a time: a
 * transaction-level advisory lock on each (released at commit, so the next request's count sees this
 * one's link). The network address is always locked first, so two requests never wait on each other
 * in a cycle. Keys are (namespace, hashtext(value)); a collision only makes two keys take turns.
 */
export async function lockLinkLimits(db: Executor, keys: { ip: string; email: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7312101, hashtext(${keys.ip}))`);
  await db.execute(sql`select pg_advisory_xact_lock(7312102, hashtext(${keys.email}))`);
}

/** Links made since a moment for an address, from a network address, or both. */
export async function recentLinks(
  db: Executor,
  by: { email: string; ip?: string } | { ip: string },
  since: Date,
): Promise<number> {
  const where = and(
    'email' in by ? eq(signInLinks.email, by.email) : undefined,
    by.ip === undefined ? undefined : eq(signInLinks.ip, by.ip),
  );
  const [row] = await db
    .select({ n: count() })
    .from(signInLinks)
    .where(and(where, gt(signInLinks.createdAt, since)));
  return row!.n;
}

export async function insertLink(db: Executor, link: typeof signInLinks.$inferInsert): Promise<void> {
  await db.insert(signInLinks).values(link);
}

/** Marks a link used and returns it, if it was unused and unexpired: a link works once. */
export async function consumeLink(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(
      and(eq(signInLinks.tokenHash, tokenHash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)),
    )
    .returning({ email: signInLinks.email, next: signInLinks.next });
  return row ?? null;
}

export async function insertSession(db: Executor, s: typeof authSessions.$inferInsert): Promise<void> {
  await db.insert(authSessions).values(s);
}

/**
 * The unexpired session with this hash, and its user. A session opened with an API token counts only
 * while the token is unrevoked, even if it was written as the token was being revoked.
 */
/**
 * The unexpired session a cookie's token opens (while the API token that opened it, if any, is not
 * revoked), in the few columns the caller needs: asked on every request a signed-in browser makes,
 * so it is a fixed statement (fixedRows).
 */
export async function findCookieSession(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{
  csrfToken: string;
  adminFingerprint: string | null;
  user: { id: number; email: string; isAdmin: boolean } | null;
} | null> {
  const [row] = await fixedRows<{
    csrf: string;
    fingerprint: string | null;
    user_id: number | null;
    email: string | null;
    is_admin: boolean | null;
  }>(
    db,
    `select s.csrf_token as csrf, s.admin_fingerprint as fingerprint, u.id as user_id, u.email, u.is_admin
     from auth_sessions s
       left join users u on u.id = s.user_id
       left join api_tokens t on t.id = s.api_token_id
     where s.token_hash = $1 and s.expires_at > $2::timestamptz and (s.api_token_id is null or t.revoked_at is null)`,
    [tokenHash, now.toISOString()],
  );
  if (!row) return null;
  return {
    csrfToken: row.csrf,
    adminFingerprint: row.fingerprint,
    user: row.user_id === null ? null : { id: row.user_id, email: row.email!, isAdmin: row.is_admin! },
  };
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}

/** Every session of a user, or every admin session when userId is null. */
export async function deleteSessionsOf(db: Executor, userId: number | null): Promise<number> {
  const rows = await db
    .delete(authSessions)
    .where(
      userId === null
        ? and(isNull(authSessions.userId), eq(authSessions.isAdmin, true))
        : eq(authSessions.userId, userId),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Ends the sessions an API token opened. */
export async function deleteSessionsOfToken(db: Executor, apiTokenId: number): Promise<number> {
  const rows = await db
    .delete(authSessions)
    .where(eq(authSessions.apiTokenId, apiTokenId))
    .returning({ id: authSessions.id });
  return rows.length;
}

export async function insertApiToken(db: Executor, t: typeof apiTokens.$inferInsert): Promise<number> {
  const [row] = await db.insert(apiTokens).values(t).returning({ id: apiTokens.id });
  return row!.id;
}

export async function findApiToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function touchApiToken(db: Executor, id: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: Executor, userId: number | null | 'all') {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      userId: apiTokens.userId,
      email: users.email,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(
      userId === 'all'
        ? undefined
        : userId === null
          ? isNull(apiTokens.userId)
          : eq(apiTokens.userId, userId),
    )
    .orderBy(desc(apiTokens.id));
  return rows;
}

export async function revokeApiToken(db: Executor, id: number): Promise<{ userId: number | null } | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ userId: apiTokens.userId });
  return row ?? null;
}

/**
 * Deletes expired sessions, and links that are expired and older than the rate-limit window
 * (`countedSince`), since the limits count recent links whether used or not.
 */
export async function purgeExpired(
  db: Executor,
  now: Date,
  countedSince: Date,
): Promise<{ links: number; sessions: number }> {
  const links = await db
    .delete(signInLinks)
    .where(and(lt(signInLinks.expiresAt, now), lt(signInLinks.createdAt, countedSince)))
    .returning({ id: signInLinks.id });
  const sessions = await db
    .delete(authSessions)
    .where(lt(authSessions.expiresAt, now))
    .returning({ id: authSessions.id });
  return { links: links.length, sessions: sessions.length };
}
