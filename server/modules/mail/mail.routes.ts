import { idParams, pageQuerySchema, slugParams } from '../../../shared/schemas/api.ts';
import { messageSchema, outboxSchema } from '../../../shared/schemas/outbox.ts';
import { pageOf } from '../../core/paging.ts';
import type { Db } from '../../db/client.ts';
import { adminOnly, signedIn } from '../../http/access.ts';
import { errorResponse as errors, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as service from './mail.service.ts';
import type { Mailer } from './mailer.ts';

export function mailRoutes(db: Db, mailer: Mailer): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/outbox',
      tag: 'outbox',
      access: adminOnly,
      query: pageQuerySchema,
      summary: 'Every message, newest first (administrators)',
      responses: { 200: { description: 'messages', schema: outboxSchema } },
      handle: async ({ query }) => ({
        status: 200,
        body: await service.allOutbox(db, mailer, pageOf(query)),
      }),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/outbox',
      tag: 'outbox',
      access: signedIn,
      params: slugParams,
      query: pageQuerySchema,
      summary: "A summit's messages, newest first (its support unit)",
      responses: {
        200: { description: 'messages', schema: outboxSchema },
        403: errors('not allowed'),
      },
      handle: ({ params, actor, query }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.summitOutbox(db, mailer, ctx, pageOf(query))),
        ),
    }),
    route({
      method: 'get',
      path: '/api/outbox/:id',
      tag: 'outbox',
      access: signedIn,
      params: idParams,
      summary: 'One message',
      responses: {
        200: { description: 'the message', schema: messageSchema },
        404: errors('no such message for the caller'),
      },
      handle: async ({ actor, params }) => outcomeReply(200, await service.getMessage(db, actor, params.id)),
    }),
    route({
      method: 'post',
      path: '/api/outbox/:id/resend',
      tag: 'outbox',
      access: signedIn,
      params: idParams,
      summary: 'Send a failed message again (same Message-ID)',
      responses: {
        200: { description: 'queued again', schema: messageSchema },
        403: errors('no mail server'),
        404: errors('no such message'),
        409: errors('not failed'),
      },
      handle: async ({ actor, params }) =>
        outcomeReply(200, await service.resend(db, mailer, actor, params.id)),
    }),
  ];
}
