import { slugParams } from '../../../shared/schemas/api.ts';
import {
  releaseStateSchema,
  rsvpListSchema,
  rsvpParams,
  rsvpQuery,
} from '../../../shared/schemas/invites.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { errorResponse as errors, failureReply, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './invites.service.ts';
import { answeredPage, askPage } from './rsvp-page.ts';

const HTML = 'text/html; charset=utf-8';
// The token is the credential: no cache may keep the page, no referrer may carry it away.
const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

/**
 * An RSVP link: GET shows a page that asks (a mail scanner that follows the link records nothing),
 * POST (its button) records the answer. The signed token is the credential: no sign-in.
 */
const rsvpRoute = (db: Db, method: 'get' | 'post', summary: string, description: string) =>
  route({
    method,
    path: '/api/rsvp/:token',
    tag: 'invites',
    access: anyone,
    params: rsvpParams,
    query: rsvpQuery,
    summary,
    responses: {
      200: { description, media: HTML },
      404: errors('no such invitation, or a token not signed for this answer'),
    },
    handle: async ({ params, query }) => {
      const record = method === 'post';
      const found = await service.rsvp(db, params.token, query.answer, record);
      if (!found.ok) return failureReply(found);
      const action = `/api/rsvp/${encodeURIComponent(params.token)}?answer=${query.answer}`;
      const text = record
        ? answeredPage(found.value, query.answer)
        : askPage(found.value, query.answer, action);
      return { status: 200, type: HTML, text, headers: PRIVATE };
    },
  });

export function inviteRoutes(db: Db): Route[] {
  return [
    rsvpRoute(
      db,
      'get',
      "An invitation's RSVP link: a page asking to confirm the answer (a mail scanner that follows the link records nothing)",
      'the page',
    ),
    rsvpRoute(
      db,
      'post',
      "Records the answer of an invitation's RSVP link (no sign-in: the signed token is the credential)",
      'recorded: a page saying so',
    ),
    route({
      method: 'get',
      path: '/api/summits/:slug/release',
      tag: 'invites',
      access: anyone,
      params: slugParams,
      summary: "Whether the programme is published, and its last release's number and time",
      responses: {
        200: { description: 'the state of the programme', schema: releaseStateSchema },
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.releaseState(db, ctx),
        })),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/rsvps',
      tag: 'invites',
      access: signedIn,
      params: slugParams,
      summary: "Every answer given with an invitation's RSVP links (the support unit)",
      responses: {
        200: { description: 'the answers, by session and person', schema: rsvpListSchema },
        403: errors('not the support unit'),
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.summitRsvps(db, ctx)),
        ),
    }),
  ];
}
