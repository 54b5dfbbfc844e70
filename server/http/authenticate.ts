// Resolves the caller from a Bearer token (ADMIN_TOKEN or an API token) or the session cookie, and
// guards cookie-authenticated writes against cross-site requests with a per-session CSRF token.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/client.ts';
import { findApiToken, findSession } from '../modules/auth/auth.repo.ts';
import { hashToken, sameSecret, type Actor } from './access.ts';
import { errorsReply } from './route.ts';

export const SESSION_COOKIE = 'convene_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Caller = {
  actor: Actor;
  via: 'bearer' | 'cookie' | 'none';
  sessionHash?: string;
  csrfToken?: string;
};

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

async function fromBearer(db: Db, token: string, adminToken: string | undefined): Promise<Actor | null> {
  if (adminToken && sameSecret(token, adminToken)) return { kind: 'admin', label: 'admin (ADMIN_TOKEN)' };
  const found = await findApiToken(db, hashToken(token));
  if (!found) return null;
  const label = `token "${found.token.name}"`;
  if (!found.user) return { kind: 'admin', label };
  return {
    kind: 'user',
    userId: found.user.id,
    email: found.user.email,
    admin: found.user.isAdmin,
    label: `${found.user.email} (${label})`,
  };
}

export function authenticate(db: Db, adminToken: string | undefined): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const send = (status: number, path: string, message: string) => {
      const reply = errorsReply(status, [{ path, message }]) as { body: unknown };
      res.status(status).json(reply.body);
    };
    const header = req.get('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const actor = m ? await fromBearer(db, m[1]!, adminToken) : null;
      if (!actor) return send(401, 'Authorization', 'invalid credentials');
      res.locals.caller = { actor, via: 'bearer' } satisfies Caller;
      return next();
    }
    const cookie = readCookie(req.get('cookie'), SESSION_COOKIE);
    const found = cookie ? await findSession(db, hashToken(cookie), new Date()) : null;
    if (!found) {
      res.locals.caller = { actor: { kind: 'anonymous' }, via: 'none' } satisfies Caller;
      return next();
    }
    const { session, user } = found;
    const actor: Actor = user
      ? { kind: 'user', userId: user.id, email: user.email, admin: user.isAdmin, label: user.email }
      : { kind: 'admin', label: 'admin (session)' };
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.get(CSRF_HEADER);
      if (!given || !sameSecret(given, session.csrfToken))
        return send(403, 'X-CSRF-Token', 'missing or wrong CSRF token (read it from GET /api/auth/me)');
    }
    res.locals.caller = {
      actor,
      via: 'cookie',
      sessionHash: hashToken(cookie!),
      csrfToken: session.csrfToken,
    } satisfies Caller;
    next();
  };
}
