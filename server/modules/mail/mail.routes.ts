import { z } from 'zod';
import { errorsSchema, slugParams } from '../../../shared/schemas/api.ts';
import type { Db } from '../../db/client.ts';
import { adminOnly, signedIn } from '../../http/access.ts';
import { failureReply, forbidden, outcomeReply, route, type Route } from '../../http/route.ts';
import { inSummit } from '../summits/summit-access.ts';
import { mailPolicy } from './mail.policy.ts';
import * as service from './mail.service.ts';
import type { Mailer } from './mailer.ts';

const errors = (description: string) => ({ description, schema: errorsSchema });
const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
const messageSchema = z.object({
  id: z.number(),
  messageId: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['held', 'queued', 'sending', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  bodyText: z.string(),
  bodyHtml: z.string().nullable(),
  calendar: z.object({ method: z.string().nullable(), content: z.string() }).nullable(),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function mailRoutes(db: Db, mailer: Mailer): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/outbox',
      tag: 'outbox',
      access: adminOnly,
      query: pageQuery,
      summary: 'Every message, newest first (administrators)',
      responses: {
        200: {
          description: 'messages',
          schema: z.object({ delivers: z.boolean(), messages: z.array(messageSchema) }),
        },
      },
      handle: async ({ query }) => ({
        status: 200,
        body: {
          delivers: mailer.delivers,
          messages: await service.listOutbox(db, { limit: query.limit, beforeId: query.before }),
        },
      }),
    }),
    route({
      method: 'get',
      path: '/api/summits/:slug/outbox',
      tag: 'outbox',
      access: signedIn,
      params: slugParams,
      query: pageQuery,
      summary: "A summit's messages, newest first (its support unit)",
      responses: {
        200: {
          description: 'messages',
          schema: z.object({ delivers: z.boolean(), messages: z.array(messageSchema) }),
        },
        403: errors('not allowed'),
      },
      handle: ({ params, actor, query }) =>
        inSummit(db, params.slug, actor, async (ctx) => {
          if (!mailPolicy.mayReadSummit(ctx.roles))
            return failureReply(forbidden('only the support unit reads the outbox'));
          return {
            status: 200,
            body: {
              delivers: mailer.delivers,
              messages: await service.listOutbox(db, {
                summitId: ctx.summit.id,
                limit: query.limit,
                beforeId: query.before,
              }),
            },
          };
        }),
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
