import { z } from 'zod';
import { errorsSchema, slugParams } from '../../../shared/schemas/api.ts';
import { keySchema } from '../../../shared/schemas/summit-file.ts';
import type { Db } from '../../db/client.ts';
import { signedIn } from '../../http/access.ts';
import { outcomeReply, route, type Route } from '../../http/route.ts';
import { GRANTED_ROLES as SUMMIT_ROLES } from '../../../shared/domain/vocabulary.ts';
import type { Mailer } from '../mail/mailer.ts';
import { inSummit } from '../summits/summit-access.ts';
import * as service from './roles.service.ts';

const errors = (description: string) => ({ description, schema: errorsSchema });
const grantSchema = z.object({
  id: z.number(),
  userId: z.number(),
  email: z.string(),
  role: z.enum(SUMMIT_ROLES),
  delegation: z.string().nullable(),
});

export function rolesRoutes(db: Db, mailer: Mailer): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits/:slug/roles',
      tag: 'roles',
      access: signedIn,
      params: slugParams,
      summary: 'The roles the support unit gave in this summit',
      responses: {
        200: { description: 'roles', schema: z.array(grantSchema) },
        403: errors('not the support unit'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => outcomeReply(200, await service.grants(db, ctx))),
    }),
    route({
      method: 'post',
      path: '/api/summits/:slug/roles',
      tag: 'roles',
      access: signedIn,
      params: slugParams,
      body: z.strictObject({
        email: z.email().max(320),
        role: z.enum(SUMMIT_ROLES),
        delegation: keySchema.optional(),
        invite: z.boolean().default(true).describe('send an invitation e-mail'),
      }),
      summary:
        'Give someone a role (support unit, focal point or delegate of a delegation, visitor), inviting them by e-mail',
      responses: {
        201: { description: 'given', schema: grantSchema },
        400: errors('invalid'),
        403: errors('not the support unit'),
        409: errors('already given'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await service.grant(db, mailer, ctx, body)),
        ),
    }),
    route({
      method: 'delete',
      path: '/api/summits/:slug/roles/:id',
      tag: 'roles',
      access: signedIn,
      params: slugParams.extend({ id: z.coerce.number().int().positive() }),
      summary: 'Take a role back',
      responses: {
        204: { description: 'taken back' },
        403: errors('not the support unit'),
        404: errors('no such role'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await service.revoke(db, ctx, params.id)),
        ),
    }),
  ];
}
