import { slugParams } from '../../../shared/schemas/api.ts';
import { rsvpListSchema, rsvpParams, rsvpQuery } from '../../../shared/schemas/invites.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { errorResponse as errors, failureReply, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './invites.service.ts';
import { answeredPage, askPage } from './rsvp-page.ts';

const HTML = 'text/html; charset=utf-8';
// The token is the credential: no cache may keep the page, no referrer may carry it away.
const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export function inviteRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/rsvp/:token',
      tag: 'invites',
      access: anyone,
      params: rsvpParams,
      query: rsvpQuery,
      summary:
        "An invitation's RSVP link: a page asking to confirm the answer (a mail scanner that follows the link records nothing)",
      responses: {
        200: { description: 'the page', media: HTML },
        404: errors('no such invitation, or a token not signed for this answer'),
      },
      handle: async ({ params, query }) => {
        const found = await service.rsvp(db, params.token, query.answer, false);
        if (!found.ok) return failureReply(found);
        const action = `/api/rsvp/${encodeURIComponent(params.token)}?answer=${query.answer}`;
        return {
          status: 200,
          type: HTML,
          text: askPage(found.value, query.answer, action),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/rsvp/:token',
      tag: 'invites',
      access: anyone,
      params: rsvpParams,
      query: rsvpQuery,
      summary:
        "Records the answer of an invitation's RSVP link (no sign-in: the signed token is the credential)",
      responses: {
        200: { description: 'recorded: a page saying so', media: HTML },
        404: errors('no such invitation, or a token not signed for this answer'),
      },
      handle: async ({ params, query }) => {
        const done = await service.rsvp(db, params.token, query.answer, true);
        if (!done.ok) return failureReply(done);
        return { status: 200, type: HTML, text: answeredPage(done.value, query.answer), headers: PRIVATE };
      },
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
