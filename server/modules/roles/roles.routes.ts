import { z } from 'zod';
import { grantBodySchema, grantSchema } from '../../../shared/schemas/accounts.ts';
import { slugParams } from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { signedIn } from '../../http/access.ts';
import { errorResponse as errors, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import type { Mailer } from '../mail/mail.service.ts';
import * as service from './roles.service.ts';

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
      body: grantBodySchema,
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
