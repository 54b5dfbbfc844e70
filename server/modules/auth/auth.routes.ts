import { z } from 'zod';
import {
  apiTokenSchema,
  linkRequestSchema,
  meSchema,
  meUpdateSchema,
  newTokenBodySchema,
  newTokenSchema,
  signedInSchema,
  tokenBodySchema,
} from '../../../shared/schemas/accounts.ts';
import { idParams } from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { SESSION_COOKIE } from '../../http/authenticate.ts';
import {
  errorResponse as errors,
  outcomeReply,
  type Reply,
  type RequestInfo,
  type Route,
  route,
} from '../../http/route.ts';
import type { Mailer } from '../mail/mail.service.ts';
import * as service from './auth.service.ts';
import * as tokens from './tokens.service.ts';

const sessionCookie = (value: string, maxAgeSeconds: number, request: RequestInfo) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${request.secure ? '; Secure' : ''}`;
const signedInReply = (s: service.NewSession, request: RequestInfo): Reply => ({
  status: 200,
  body: { next: s.next, csrfToken: s.csrfToken },
  cookies: [sessionCookie(s.cookieToken, service.SESSION_DAYS * 86_400, request)],
});
const cleared = (request: RequestInfo): Reply => ({ status: 204, cookies: [sessionCookie('', 0, request)] });

export function authRoutes(db: Db, mailer: Mailer, adminToken: string | undefined): Route[] {
  return [
    route({
      method: 'post',
      path: '/api/auth/link',
      tag: 'sign-in',
      access: anyone,
      body: linkRequestSchema,
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
      body: tokenBodySchema,
      summary: 'Trade a sign-in link for a session cookie (once)',
      responses: {
        200: { description: 'signed in; the cookie is set', schema: signedInSchema },
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
      body: tokenBodySchema,
      summary: 'Open a browser session with ADMIN_TOKEN or an API token',
      responses: {
        200: { description: 'signed in; the cookie is set', schema: signedInSchema },
        400: errors('unknown token'),
      },
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
      method: 'patch',
      path: '/api/auth/me',
      tag: 'sign-in',
      access: signedIn,
      body: meUpdateSchema,
      summary: 'Remember the language the caller reads Convene and its mail in (en, fr, es; null forgets it)',
      responses: {
        200: { description: 'the caller, with the language', schema: meSchema },
        400: errors('not a language'),
        401: errors('not signed in'),
        403: errors('an administrator’s session, which has no account'),
      },
      handle: async ({ actor, caller, body }) => {
        const r = await service.setLanguage(db, actor, body.language);
        if (!r.ok) return outcomeReply(200, r);
        return {
          status: 200,
          body: { ...(await service.me(db, actor)), csrfToken: caller.csrfToken ?? null },
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out',
      tag: 'sign-in',
      access: anyone,
      summary: 'End this session',
      responses: { 204: { description: 'signed out' } },
      handle: async ({ caller, request }) => {
        if (caller.cookieToken) await service.signOut(db, caller.cookieToken);
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
      responses: { 200: { description: 'tokens', schema: z.array(apiTokenSchema) } },
      handle: async ({ actor }) => ({ status: 200, body: await tokens.listApiTokens(db, actor) }),
    }),
    route({
      method: 'post',
      path: '/api/tokens',
      tag: 'API tokens',
      access: signedIn,
      body: newTokenBodySchema,
      summary: 'Create an API token acting as the caller; its secret is shown in this answer only',
      responses: {
        201: {
          description: 'the token, shown once',
          schema: newTokenSchema,
        },
        403: errors('not allowed'),
      },
      handle: async ({ actor, body }) =>
        outcomeReply(201, await tokens.createApiToken(db, actor, body.name, adminToken)),
    }),
    route({
      method: 'delete',
      path: '/api/tokens/:id',
      tag: 'API tokens',
      access: signedIn,
      params: idParams,
      summary: 'Revoke an API token',
      responses: { 204: { description: 'revoked' }, 404: errors('no such token of the caller') },
      handle: async ({ actor, params }) =>
        outcomeReply(204, await tokens.revokeApiToken(db, actor, params.id)),
    }),
  ];
}
