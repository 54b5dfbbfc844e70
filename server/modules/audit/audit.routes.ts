import { z } from 'zod';
import { errorsSchema, slugParams } from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { adminOnly, signedIn } from '../../http/access.ts';
import { failureReply, forbidden, route, type Route } from '../../http/route.ts';
import { inSummit } from '../summits/summit-access.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAudit } from './audit.repo.ts';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
const entrySchema = z.object({
  id: z.number(),
  at: z.date(),
  summitId: z.number().nullable(),
  summitSlug: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export function auditRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      access: adminOnly,
      query: pageQuery,
      summary: 'Every write, newest first (administrators)',
      responses: { 200: { description: 'entries', schema: z.array(entrySchema) } },
      handle: async ({ query }) => ({
        status: 200,
        body: await listAudit(db, { limit: query.limit, beforeId: query.before }),
      }),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/audit',
      tag: 'audit',
      access: signedIn,
      params: slugParams,
      query: pageQuery,
      summary: 'Every write to a summit: who, what, when, before and after (its support unit)',
      responses: {
        200: { description: 'entries', schema: z.array(entrySchema) },
        403: { description: 'not the support unit', schema: errorsSchema },
      },
      handle: ({ params, actor, query }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          auditPolicy.mayRead(ctx.roles)
            ? {
                status: 200,
                body: await listAudit(db, {
                  summitId: ctx.summit.id,
                  limit: query.limit,
                  beforeId: query.before,
                }),
              }
            : failureReply(forbidden('only the support unit reads the audit log')),
        ),
    }),
  ];
}
