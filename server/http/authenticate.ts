// Resolves the caller from a Bearer token (ADMIN_TOKEN or an API token) or the session cookie, and
// guards cookie-authenticated writes against cross-site requests with a per-session CSRF token.
import { parse } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sameSecret } from '../core/secrets.ts';
import type { Db } from '../db/client.ts';
import { actorOfBearer, sessionOfCookie } from '../modules/auth/auth.service.ts';
import { type Caller, errorsReply } from './route.ts';

export const SESSION_COOKIE = 'convene_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The value of one cookie, as RFC 6265 and the `cookie` package read it: the first pair with that
 * name wins, surrounding quotes are dropped, %-escapes are decoded. A value that does not decode
 * ("%", "%E0%A4%A") is no value at all, so that a malformed cookie makes the caller anonymous rather
 * than failing the request.
 */
/**
 * A cookie's value, parsed by the `cookie` package (the first of that name wins, quotes are
 * stripped); a value that does not decode stays as sent, so a mangled session cookie finds no
 * session and the caller is anonymous, never a 500.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  return header ? parse(header)[name] : undefined;
}

export function authenticate(db: Db, adminToken: string | undefined): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const refuse = (status: number, path: string, message: string) => {
      const reply = errorsReply(status, [{ path, message }]) as { body: unknown };
      res.status(status).json(reply.body);
    };
    // An RSVP link's signed token is its own credential: a session cookie the browser happens to
    // send is not asked for a CSRF token there, and grants nothing.
    if (req.path.startsWith('/rsvp/')) {
      res.locals.caller = { actor: { kind: 'anonymous' }, via: 'none' } satisfies Caller;
      return next();
    }
    const header = req.get('authorization');
    if (header) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const actor = m ? await actorOfBearer(db, m[1]!, adminToken) : null;
      if (!actor) return refuse(401, 'Authorization', 'invalid credentials');
      res.locals.caller = { actor, via: 'bearer' } satisfies Caller;
      return next();
    }
    const cookieToken = readCookie(req.get('cookie'), SESSION_COOKIE);
    const session = cookieToken ? await sessionOfCookie(db, cookieToken, adminToken) : null;
    if (!session) {
      res.locals.caller = { actor: { kind: 'anonymous' }, via: 'none' } satisfies Caller;
      return next();
    }
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.get(CSRF_HEADER);
      if (!given || !sameSecret(given, session.csrfToken)) {
        return refuse(403, 'X-CSRF-Token', 'missing or wrong CSRF token (read it from GET /api/auth/me)');
      }
    }
    res.locals.caller = {
      actor: session.actor,
      via: 'cookie',
      cookieToken,
      csrfToken: session.csrfToken,
    } satisfies Caller;
    next();
  };
}
