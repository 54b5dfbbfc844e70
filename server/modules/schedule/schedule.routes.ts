import {
  agendaSchema,
  dayQuerySchema,
  itemParams,
  programmeDaySchema,
  sessionPageSchema,
  slugParams,
} from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { anyone } from '../../http/access.ts';
import { errorResponse as errors, foundReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import { delegationAgenda, programmeDay, sessionPage } from './schedule.service.ts';

export function scheduleRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits/:slug/programme',
      tag: 'programme',
      access: anyone,
      params: slugParams,
      query: dayQuerySchema,
      summary: "One day's programme: the sessions starting on that day in the summit's zone",
      responses: {
        200: { description: 'the day', schema: programmeDaySchema },
        404: errors('no such summit'),
      },
      handle: ({ params, query, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await programmeDay(db, ctx.summit, query.day, ctx.view),
        })),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/programme/sessions/:key',
      tag: 'programme',
      access: anyone,
      params: itemParams,
      summary: 'A session with its room, segment and the people and delegations it names',
      responses: {
        200: { description: 'the session page', schema: sessionPageSchema },
        404: errors('no such session'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          foundReply(await sessionPage(db, ctx.summit, params.key, ctx.view), `session "${params.key}"`),
        ),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/delegations/:key/agenda',
      tag: 'programme',
      access: anyone,
      params: itemParams,
      summary:
        "A delegation's agenda: every session naming it or one of its people (its members see drafts too)",
      responses: {
        200: { description: 'the agenda', schema: agendaSchema },
        404: errors('no such delegation'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          foundReply(await delegationAgenda(db, ctx, params.key), `delegation "${params.key}"`),
        ),
    }),
  ];
}
