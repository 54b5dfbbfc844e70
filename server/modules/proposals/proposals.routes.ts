import { z } from 'zod';
import { patchSchema, slugParams } from '../../../shared/schemas/api.ts';
import { proposalDraftSchema } from '../../../shared/schemas/proposal.ts';
import {
  commentBodySchema,
  commentSchema,
  deadlineBodySchema,
  decisionBodySchema,
  idempotencyHeaders,
  ifMatchHeaders,
  proposalCallSchema,
  proposalIdParams,
  proposalListQuerySchema,
  proposalListSchema,
  proposalReportSchema,
  proposalViewSchema,
  withdrawBodySchema,
} from '../../../shared/schemas/proposal-api.ts';
import type { Actor } from '../../core/actor.ts';
import type { Outcome } from '../../core/outcome.ts';
import type { Db } from '../../db/client.ts';
import { signedIn } from '../../http/access.ts';
import {
  errorResponse as errors,
  failureReply,
  outcomeReply,
  type Reply,
  type Route,
  route,
} from '../../http/route.ts';
import type { Mailer } from '../mail/mail.service.ts';
import * as service from './proposals.service.ts';

/** Runs a handler in the summit a proposal request names (proposals.context.ts says who may). */
async function inProposals(
  db: Db,
  slug: string,
  actor: Actor,
  then: (ctx: service.ProposalContext) => Promise<Reply>,
): Promise<Reply> {
  const opened = await service.openProposals(db, slug, actor);
  return opened.ok ? then(opened.value) : failureReply(opened);
}

/** A proposal, with its version as the ETag that If-Match sends back. */
const proposalReply = (status: number, outcome: Outcome<{ version: number }>): Reply => {
  const reply = outcomeReply(status, outcome);
  return outcome.ok ? { ...reply, headers: { etag: `"${outcome.value.version}"` } } : reply;
};

const proposal = (description: string) => ({ description, schema: proposalViewSchema });
const tag = 'proposals';
const base = '/api/summits/:slug/proposals';
const one = `${base}/:id`;

export function proposalRoutes(db: Db, mailer: Mailer): Route[] {
  return [
    route({
      method: 'get',
      path: '/api/summits/:slug/proposal-call',
      tag,
      access: signedIn,
      params: slugParams,
      summary: 'What the proposal form needs of the summit: its days and zone, its delegations, the deadline',
      responses: {
        200: { description: 'the call', schema: proposalCallSchema },
        404: errors('no such summit'),
      },
      handle: ({ params, actor }) =>
        inProposals(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.proposalCall(db, ctx, Date.now()),
        })),
    }),
    route({
      method: 'post',
      path: base,
      tag,
      access: signedIn,
      params: slugParams,
      rawBody: proposalDraftSchema,
      summary: 'Start a side-event proposal (any part of the form); the caller becomes its organiser',
      responses: {
        201: proposal('the draft'),
        400: errors('a field is not well typed'),
        404: errors('no such summit'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(201, await service.createProposal(db, ctx, body, Date.now())),
        ),
    }),
    route({
      method: 'get',
      path: base,
      tag,
      access: signedIn,
      params: slugParams,
      query: proposalListQuerySchema,
      summary:
        'Proposals, newest first, with counts per status: all of them for the support unit, the caller’s own for anyone else',
      responses: {
        200: { description: 'a page', schema: proposalListSchema },
        404: errors('no such summit'),
      },
      handle: ({ params, actor, query }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.listProposals(db, ctx, query)),
        ),
    }),
    route({
      method: 'get',
      path: one,
      tag,
      access: signedIn,
      params: proposalIdParams,
      summary: 'Read a proposal',
      responses: { 200: proposal('the proposal'), 404: errors('no such proposal for the caller') },
      handle: ({ params, actor }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(200, await service.getProposal(db, ctx, params.id, Date.now())),
        ),
    }),
    route({
      method: 'patch',
      path: one,
      tag,
      access: signedIn,
      params: proposalIdParams,
      headers: ifMatchHeaders,
      body: patchSchema,
      summary:
        'Change the form (JSON merge patch: null removes a field, objects merge, lists are replaced); drafts and proposals with changes requested only',
      responses: {
        200: proposal('the proposal as saved'),
        400: errors('a field is not well typed'),
        403: errors('a reader, not an organiser'),
        404: errors('no such proposal for the caller'),
        409: errors('not a draft, nor waiting for changes'),
        412: errors('If-Match names an older version'),
      },
      handle: ({ params, actor, body, headers }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(
            200,
            await service.patchProposal(db, ctx, params.id, body, {
              ifMatch: headers['if-match'],
              now: Date.now(),
            }),
          ),
        ),
    }),
    route({
      method: 'post',
      path: `${one}/submit`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      headers: idempotencyHeaders,
      summary:
        'Submit it for review (its organisers before the deadline; the support unit at any time, late if after it)',
      responses: {
        200: proposal('submitted (or, for a repeated Idempotency-Key, the first answer again)'),
        400: errors('every problem of the form, by path'),
        403: errors('not its organiser'),
        404: errors('no such proposal for the caller'),
        409: errors('past the deadline, not in a state to submit, or the key used for another request'),
      },
      handle: ({ params, actor, headers }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(
            200,
            await service.submitProposal(db, mailer, ctx, params.id, {
              key: headers['idempotency-key'],
              now: Date.now(),
            }),
          ),
        ),
    }),
    route({
      method: 'post',
      path: `${one}/decision`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      body: decisionBodySchema,
      summary:
        'Accept (making an unplaced side-event session), reject, or request changes with a message (the support unit)',
      responses: {
        200: proposal('decided'),
        400: errors('a change request without a message'),
        403: errors('not the support unit'),
        404: errors('no such proposal for the caller'),
        409: errors('not submitted'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(200, await service.decideProposal(db, mailer, ctx, params.id, body, Date.now())),
        ),
    }),
    route({
      method: 'post',
      path: `${one}/withdraw`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      body: withdrawBodySchema,
      summary: 'Withdraw it (its organisers), until it is scheduled',
      responses: {
        200: proposal('withdrawn'),
        403: errors('not its organiser'),
        404: errors('no such proposal for the caller'),
        409: errors('decided or scheduled'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(
            200,
            await service.withdrawProposal(db, mailer, ctx, params.id, body?.message, Date.now()),
          ),
        ),
    }),
    route({
      method: 'put',
      path: `${one}/deadline`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      body: deadlineBodySchema,
      summary: "Extend a draft's deadline, or end the extension with null (the support unit)",
      responses: {
        200: proposal('the proposal with its deadline'),
        403: errors('not the support unit'),
        404: errors('no such proposal for the caller'),
        409: errors('not a draft'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(
            200,
            await service.extendDeadline(db, mailer, ctx, params.id, body.until, Date.now()),
          ),
        ),
    }),
    route({
      method: 'get',
      path: `${one}/comments`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      summary: 'Messages between the support unit and the organisers, oldest first',
      responses: {
        200: { description: 'comments', schema: z.array(commentSchema) },
        403: errors('a reader, not an organiser'),
        404: errors('no such proposal for the caller'),
      },
      handle: ({ params, actor }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.comments(db, ctx, params.id)),
        ),
    }),
    route({
      method: 'post',
      path: `${one}/comments`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      body: commentBodySchema,
      summary: 'Write to the other side (the support unit or the organisers)',
      responses: {
        201: { description: 'the comment', schema: commentSchema },
        400: errors('empty'),
        403: errors('a reader, not an organiser'),
        404: errors('no such proposal for the caller'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await service.addComment(db, mailer, ctx, params.id, body.body)),
        ),
    }),
    route({
      method: 'put',
      path: `${one}/report`,
      tag,
      access: signedIn,
      params: proposalIdParams,
      body: proposalReportSchema,
      summary: "The organisers' report after the event: attendance, conclusions, follow-up",
      responses: {
        200: proposal('the proposal with its report'),
        403: errors('a reader, not an organiser'),
        404: errors('no such proposal for the caller'),
        409: errors('not scheduled, or not over yet'),
      },
      handle: ({ params, actor, body }) =>
        inProposals(db, params.slug, actor, async (ctx) =>
          proposalReply(200, await service.fileReport(db, ctx, params.id, body, Date.now())),
        ),
    }),
  ];
}
