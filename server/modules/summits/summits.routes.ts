import { z } from 'zod';
import {
  importQuerySchema,
  importResultSchema,
  patchSchema,
  slugParams,
  summitViewSchema,
} from '../../../shared/schemas/api.ts';
import { summitFileSchema, summitSchema } from '../../../shared/schemas/summit-file.ts';
import type { Db } from '../../db/client.ts';
import { adminOnly, anyone, signedIn } from '../../http/access.ts';
import { errorResponse as errors, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './summits.service.ts';

export function summitRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits',
      tag: 'summits',
      access: anyone,
      summary: 'List summits (the public sees those with a published programme)',
      responses: { 200: { description: 'summits', schema: z.array(summitViewSchema) } },
      handle: async ({ actor }) => ({
        status: 200,
        body: await service.listSummits(db, actor),
      }),
    }),
    route({
      method: 'post',
      path: '/api/summits',
      tag: 'summits',
      access: adminOnly,
      summary: 'Create an empty summit',
      rawBody: summitSchema,
      responses: {
        201: { description: 'created', schema: summitViewSchema },
        400: errors('invalid summit'),
        409: errors('slug taken'),
      },
      handle: async ({ actor, body }) => outcomeReply(201, await service.createSummit(db, actor, body)),
    }),
    route({
      method: 'post',
      path: '/api/summits/import',
      tag: 'summit file',
      access: signedIn,
      summary:
        'Import a summit file (format summit/1), atomically: a new summit (administrators) or a replacement (?replace=true; its support unit)',
      query: importQuerySchema,
      rawBody: summitFileSchema,
      bodyLimit: '5mb',
      responses: {
        201: { description: 'imported', schema: importResultSchema },
        400: errors('every problem of the file, by JSON path'),
        403: errors('not allowed'),
        409: errors('the slug exists and replace is not true'),
      },
      handle: async ({ query, body, actor }) =>
        outcomeReply(201, await service.importSummit(db, actor, body, { replace: query.replace })),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug',
      tag: 'summits',
      access: anyone,
      params: slugParams,
      summary: 'Read a summit, its days and its time zone offsets',
      responses: {
        200: { description: 'the summit', schema: summitViewSchema },
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: service.summitView(ctx.summit),
        })),
    }),
    route({
      method: 'patch',
      path: '/api/summits/:slug',
      tag: 'summits',
      access: signedIn,
      params: slugParams,
      body: patchSchema,
      summary: "Change a summit's fields (its support unit)",
      responses: {
        200: { description: 'the summit', schema: summitViewSchema },
        400: errors('invalid'),
        403: errors('not allowed'),
        404: errors('no such summit'),
        409: errors('slug taken'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.updateSummit(db, ctx, body)),
        ),
    }),
    route({
      method: 'delete',
      path: '/api/summits/:slug',
      tag: 'summits',
      access: signedIn,
      params: slugParams,
      summary: 'Delete a summit and everything in it (administrators)',
      responses: {
        204: { description: 'deleted' },
        403: errors('not allowed'),
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await service.deleteSummit(db, ctx)),
        ),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/export',
      tag: 'summit file',
      access: signedIn,
      params: slugParams,
      summary: 'Export the summit as a summit file, losslessly (its support unit)',
      responses: {
        200: { description: 'the summit file', schema: summitFileSchema },
        403: errors('not allowed'),
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => {
          const reply = outcomeReply(200, await service.exportSummit(db, ctx));
          return {
            ...reply,
            headers: { 'content-disposition': `attachment; filename="${ctx.summit.slug}.summit.json"` },
          };
        }),
    }),
  ];
}
