import { z } from 'zod';
import { errorsSchema } from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import { outcomeReply, route, type Reply, type RequestInfo, type Route } from '../../http/route.ts';
import type { Mailer } from '../mail/mailer.ts';
import { deleteSession } from './auth.repo.ts';
import * as service from './auth.service.ts';

const errors = (description: string) => ({ description, schema: errorsSchema });
const sessionCookie = (value: string, maxAgeSeconds: number, request: RequestInfo) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${request.secure ? '; Secure' : ''}`;
const signedInReply = (s: service.NewSession, request: RequestInfo): Reply => ({
  status: 200,
  body: { next: s.next, csrfToken: s.csrfToken },
  cookies: [sessionCookie(s.cookieToken, service.SESSION_DAYS * 86_400, request)],
});
const cleared = (request: RequestInfo): Reply => ({ status: 204, cookies: [sessionCookie('', 0, request)] });

const meSchema = z.object({
  kind: z.enum(['anonymous', 'admin', 'user']),
  email: z.string().nullable(),
  admin: z.boolean(),
  csrfToken: z
    .string()
    .nullable()
    .describe('send it as X-CSRF-Token with every write made with the session cookie'),
  summits: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      roles: z.array(z.string()),
      delegations: z.array(z.string()),
      people: z.array(z.string()),
    }),
  ),
});
const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  email: z.string().nullable(),
});

export function authRoutes(db: Db, mailer: Mailer, adminToken: string | undefined): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/auth/link',
      tag: 'sign-in',
      access: anyone,
      body: z.strictObject({ email: z.email().max(320), next: z.string().max(500).optional() }),
      summary:
        'Send a single-use sign-in link, valid 15 minutes, to an address (the same answer whether it is known or not)',
      responses: {
        202: { description: 'a link is on its way' },
        400: errors('not an address'),
        429: errors('too many requests'),
      },
      handle: async ({ body, request }) => {
        const r = await service.requestLink(db, mailer, body, request.ip);
        return r.ok
          ? { status: 202, body: { message: 'If this address may sign in, a link is on its way.' } }
          : outcomeReply(202, r);
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/verify',
      tag: 'sign-in',
      access: anyone,
      body: z.strictObject({ token: z.string().min(10).max(200) }),
      summary: 'Trade a sign-in link for a session cookie (once)',
      responses: {
        200: { description: 'signed in; the cookie is set' },
        400: errors('unknown, used or expired link'),
      },
      handle: async ({ body, request }) => {
        const r = await service.verifyLink(db, body.token);
        return r.ok ? signedInReply(r.value, request) : outcomeReply(200, r);
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/token',
      tag: 'sign-in',
      access: anyone,
      body: z.strictObject({ token: z.string().min(10).max(200) }),
      summary: 'Open a browser session with ADMIN_TOKEN or an API token',
      responses: { 200: { description: 'signed in; the cookie is set' }, 400: errors('unknown token') },
      handle: async ({ body, request }) => {
        const r = await service.tokenSignIn(db, adminToken, body.token);
        return r.ok ? signedInReply(r.value, request) : outcomeReply(200, r);
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/me',
      tag: 'sign-in',
      access: anyone,
      summary: 'Who the caller is, their roles in each summit, and the CSRF token of their session',
      responses: { 200: { description: 'the caller', schema: meSchema } },
      handle: async ({ actor, caller }) => ({
        status: 200,
        body: { ...(await service.me(db, actor)), csrfToken: caller.csrfToken ?? null },
      }),
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out',
      tag: 'sign-in',
      access: anyone,
      summary: 'End this session',
      responses: { 204: { description: 'signed out' } },
      handle: async ({ caller, request }) => {
        if (caller.sessionHash) await deleteSession(db, caller.sessionHash);
        return cleared(request);
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out-everywhere',
      tag: 'sign-in',
      access: signedIn,
      summary: 'End every session of the caller, on every device',
      responses: { 204: { description: 'signed out everywhere' } },
      handle: async ({ actor, request }) => {
        await service.signOutEverywhere(db, actor);
        return cleared(request);
      },
    }),
    route({
      method: 'get',
      path: '/api/tokens',
      tag: 'API tokens',
      access: signedIn,
      summary: "The caller's API tokens (an administrator sees all), never their secret",
      responses: { 200: { description: 'tokens', schema: z.array(tokenSchema) } },
      handle: async ({ actor }) => ({ status: 200, body: await service.listApiTokens(db, actor) }),
    }),
    route({
      method: 'post',
      path: '/api/tokens',
      tag: 'API tokens',
      access: signedIn,
      body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
      summary: 'Create an API token acting as the caller; its secret is shown in this answer only',
      responses: {
        201: {
          description: 'the token, shown once',
          schema: z.object({ id: z.number(), name: z.string(), token: z.string() }),
        },
        403: errors('not allowed'),
      },
      handle: async ({ actor, body }) =>
        outcomeReply(201, await service.createApiToken(db, actor, body.name)),
    }),
    route({
      method: 'delete',
      path: '/api/tokens/:id',
      tag: 'API tokens',
      access: signedIn,
      params: z.object({ id: z.coerce.number().int().positive() }),
      summary: 'Revoke an API token',
      responses: { 204: { description: 'revoked' }, 404: errors('no such token of the caller') },
      handle: async ({ actor, params }) =>
        outcomeReply(204, await service.revokeApiToken(db, actor, params.id)),
    }),
  ];
}
