import {
  applyBodySchema,
  conflictRefusalSchema,
  conflictReportSchema,
  conflictsQuerySchema,
  itemParams,
  moveBodySchema,
  movedSchema,
  movesSchema,
  placeBodySchema,
  placementLineSchema,
  proposalSchema,
  publishBodySchema,
  placementResultSchema,
  publishedSchema,
  slugParams,
} from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { signedIn } from '../../http/access.ts';
import { NDJSON, ndjsonReply } from '../../http/ndjson.ts';
import { errorResponse as errors, failureReply, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './conflicts.service.ts';
import * as placement from './placement.service.ts';

export function conflictRoutes(db: Db, mailer: Mailer): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits/:slug/conflicts',
      tag: 'conflicts',
      access: signedIn,
      params: slugParams,
      query: conflictsQuerySchema,
      summary:
        'Every conflict of the programme, drafts included, a page at a time with counts of the whole report (the support unit)',
      responses: {
        200: { description: 'a page of the report', schema: conflictReportSchema },
        400: errors('a bad limit or cursor'),
        403: errors('not the support unit'),
      },
      handle: ({ params, actor, query }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.conflictReport(db, ctx, query)),
        ),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/sessions/:key/moves',
      tag: 'conflicts',
      access: signedIn,
      params: itemParams,
      summary:
        "Up to five moves (room and/or time within its segment, or the summit's days) that clear a session's hard conflicts without creating new ones, cheapest first",
      responses: {
        200: { description: 'moves', schema: movesSchema },
        403: errors('not the support unit'),
        404: errors('no such session'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.sessionMoves(db, ctx, params.key)),
        ),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/sessions/:key/move',
      tag: 'conflicts',
      access: signedIn,
      params: itemParams,
      body: moveBodySchema,
      summary: 'Move a session to a room and time; answers with the conflicts it is in once saved',
      responses: {
        200: { description: 'moved', schema: movedSchema },
        400: errors('invalid'),
        403: errors('not allowed'),
        404: errors('no such session'),
        409: {
          description: 'hard conflicts of a published session not accepted',
          schema: conflictRefusalSchema,
        },
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.moveSession(db, ctx, params.key, body)),
        ),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/place',
      tag: 'conflicts',
      access: signedIn,
      params: slugParams,
      body: placeBodySchema,
      summary:
        'Propose rooms and times for every unplaced session (or only those named in `sessions`), breaking no hard rule and at least soft cost; changes nothing',
      responses: {
        200: {
          description: `the proposal; with Accept: ${NDJSON}, a stream of lines as it runs: {progress} (at most five a second), then {proposal}, or {errors, status} if it fails`,
          schema: proposalSchema,
          streamed: { type: NDJSON, line: placementLineSchema },
        },
        400: errors('a session named is unknown, named twice, pinned, or already has a room and a time'),
        403: errors('not the support unit'),
        503: errors('it did not finish within its time limit'),
      },
      handle: ({ params, actor, body, request }) =>
        inSummit(db, params.slug, actor, async (ctx) => {
          if (request.prefers(['application/json', NDJSON]) !== NDJSON)
            return outcomeReply(200, await placement.proposePlacement(db, ctx, body, request.signal));
          const start = await placement.startPlacement(db, ctx, body);
          if (!start.ok) return failureReply(start);
          const { signal } = request;
          return ndjsonReply('proposal', signal, (report) => start.value({ report, signal }));
        }),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/place/apply',
      tag: 'conflicts',
      access: signedIn,
      params: slugParams,
      body: applyBodySchema,
      summary: 'Apply a placement (all or nothing), if it still breaks no hard rule',
      responses: {
        200: { description: 'applied', schema: placementResultSchema },
        400: errors('invalid'),
        403: errors('not the support unit'),
        409: errors('it would break a hard rule now'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await placement.applyPlacement(db, ctx, body.placements)),
        ),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/publish',
      tag: 'conflicts',
      access: signedIn,
      params: slugParams,
      body: publishBodySchema,
      summary:
        'Publish every session that has a time: only with no hard conflict, or with each hard conflict accepted by name; makes a release and queues the calendar invitations its changes call for',
      responses: {
        200: {
          description: 'published',
          schema: publishedSchema,
        },
        403: errors('not the support unit'),
        409: errors('hard conflicts not accepted'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.publishProgramme(db, ctx, body.accept, mailer)),
        ),
    }),
  ];
}
