import { z } from 'zod';
import { pageQuerySchema, slugParams } from '../../../shared/schemas/api.ts';
import { auditEntrySchema } from '../../../shared/schemas/outbox.ts';
import { pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { adminOnly, signedIn } from '../../http/access.ts';
import { errorResponse as errors, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './audit.service.ts';

export function auditRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      access: adminOnly,
      query: pageQuerySchema,
      summary: 'Every write, newest first (administrators)',
      responses: { 200: { description: 'entries', schema: z.array(auditEntrySchema) } },
      handle: async ({ query }) => ({ status: 200, body: await service.allAudit(db, pageOf(query)) }),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/audit',
      tag: 'audit',
      access: signedIn,
      params: slugParams,
      query: pageQuerySchema,
      summary: 'Every write to a summit: who, what, when, before and after (its support unit)',
      responses: {
        200: { description: 'entries', schema: z.array(auditEntrySchema) },
        403: errors('not the support unit'),
      },
      handle: ({ params, actor, query }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.summitAudit(db, ctx, pageOf(query))),
        ),
    }),
  ];
}
