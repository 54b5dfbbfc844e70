// Calendar feeds (docs/feeds.md): a room's, public with its summit; private ones for a delegation or
// a person behind a token in the address; the caller's own feeds, made and revoked from My page.
import { z } from 'zod';
import {
  feedBodySchema,
  feedIdParams,
  feedTokenParams,
  feedViewSchema,
  newFeedSchema,
} from '../../../shared/schemas/feeds.ts';
import { slugParams } from '../../../shared/schemas/api.ts';
import { keySchema } from '../../../shared/schemas/summit-file.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { etagMatches } from '../../http/conditional.ts';
import { errorResponse as errors, outcomeReply, type Reply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import type { ProgrammeCache } from '../exports/exports.service.ts';
import * as service from './feeds.service.ts';

const conditional = z.object({ 'if-none-match': z.string().optional() });
const ICS = 'text/calendar; charset=utf-8';
const tag = 'feeds';

/** A feed's answer: 304 when the calendar app's copy is current, else the calendar. */
function feedReply(file: service.FeedFile | null, ifNoneMatch: string | undefined, missing: string): Reply {
  if (!file) return { status: 404, body: { errors: [{ path: '', message: missing }] } };
  const cache = { etag: file.etag, 'cache-control': 'no-cache' };
  if (etagMatches(ifNoneMatch, file.etag)) return { status: 304, headers: cache };
  return {
    status: 200,
    type: ICS,
    text: file.text(Date.now()),
    headers: { ...cache, 'content-disposition': `inline; filename="${file.filename}"` },
  };
}

export function feedRoutes(db: Db, publicUrl: string, programmes: ProgrammeCache): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits/:slug/rooms/:key/calendar.ics',
      tag,
      access: anyone,
      params: slugParams.extend({ key: keySchema }),
      headers: conditional,
      summary: 'A room’s published sessions as a calendar feed (public with its summit)',
      responses: {
        200: { description: 'the feed (with an ETag)', media: ICS },
        304: { description: 'the copy the calendar app has (If-None-Match) is current' },
        404: errors('no such summit or room, or not one the caller may see'),
      },
      handle: ({ params, headers, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          feedReply(
            await service.roomFeed(programmes, ctx.summit, params.key),
            headers['if-none-match'],
            `room "${params.key}" not found`,
          ),
        ),
    }),
    route({
      method: 'get',
      path: '/api/feeds/:token/calendar.ics',
      tag,
      access: anyone,
      params: feedTokenParams,
      headers: conditional,
      summary:
        'A private feed (a delegation’s or a person’s published sessions), read with the token in its address',
      responses: {
        200: { description: 'the feed (with an ETag)', media: ICS },
        304: { description: 'the copy the calendar app has (If-None-Match) is current' },
        404: errors('no such feed: unknown, revoked, or its maker may no longer see it'),
      },
      handle: async ({ params, headers }) =>
        feedReply(
          await service.privateFeed(db, programmes, params.token),
          headers['if-none-match'],
          'no such feed',
        ),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/feeds',
      tag,
      access: signedIn,
      params: slugParams,
      body: feedBodySchema,
      summary: 'A private feed of a delegation’s or a person’s published sessions, for the caller',
      responses: {
        201: { description: 'the feed with its address (shown once)', schema: newFeedSchema },
        403: errors('not a person signed in (a token of the administrator)'),
        404: errors('no such summit, delegation or person, or not one the caller may see'),
      },
      handle: async ({ params, actor, body }) =>
        outcomeReply(201, await service.createFeed(db, publicUrl, actor, params.slug, body)),
    }),
    route({
      method: 'get',
      path: '/api/feeds',
      tag,
      access: signedIn,
      summary: 'The caller’s live feeds (My page), newest first',
      responses: { 200: { description: 'feeds', schema: z.array(feedViewSchema) } },
      handle: async ({ actor }) => outcomeReply(200, await service.myFeeds(db, actor)),
    }),
    route({
      method: 'delete',
      path: '/api/feeds/:id',
      tag,
      access: signedIn,
      params: feedIdParams,
      summary: 'Revokes one of the caller’s feeds: its address answers 404 from now on',
      responses: { 204: { description: 'revoked' }, 404: errors('no such feed of the caller') },
      handle: async ({ params, actor }) => outcomeReply(204, await service.revokeFeed(db, actor, params.id)),
    }),
  ];
}
