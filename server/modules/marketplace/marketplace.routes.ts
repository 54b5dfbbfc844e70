// The Marketplace's routes (docs/marketplace.md), declared as data so that the OpenAPI document
// cannot drift. Each opens the summit for the caller (404 for a summit not theirs), then calls one
// use case; statuses live here.
import { z } from 'zod';
import { patchSchema } from '../../../shared/schemas/api.ts';
import {
  actBodySchema,
  consultationBodySchema,
  consultationQuerySchema,
  consultationRefusalSchema,
  consultationViewSchema,
  idParams,
  marketplaceParams,
  needBodySchema,
  needParams,
  needQuerySchema,
  needViewSchema,
  offerBodySchema,
  offerQuerySchema,
  offerViewSchema,
  outcomeBodySchema,
  reportSchema,
  scheduleBodySchema,
  scheduleViewSchema,
  settingsViewSchema,
  slotQuerySchema,
  slotsViewSchema,
  suggestionsSchema,
} from '../../../shared/schemas/marketplace.ts';
import type { Actor } from '../../core/actor.ts';
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
import * as service from './marketplace.service.ts';

async function inMarketplace(
  db: Db,
  slug: string,
  actor: Actor,
  then: (ctx: service.MarketContext) => Promise<Reply>,
): Promise<Reply> {
  const opened = await service.openMarketplace(db, slug, actor);
  return opened.ok ? then(opened.value) : failureReply(opened);
}

const tag = 'marketplace';
const base = '/api/summits/:slug/marketplace';
const notTheirs = errors('no such summit for the caller (not of its Marketplace), or no such item');
const consultation = (description: string) => ({ description, schema: consultationViewSchema });
const STEP_SUMMARY = {
  accept: 'Accept a request (the need’s owner): it becomes a session of kind marketplace_consultation',
  decline: 'Decline a request (the need’s owner): its slot is free again',
  cancel: 'Cancel a request or an accepted consultation (either side, or the support unit); its session goes',
} as const;

export function marketplaceRoutes(db: Db, mailer: Mailer): Route[] {
  const now = () => Date.now();
  const steps = (['accept', 'decline', 'cancel'] as const).map((step) =>
    route({
      method: 'post',
      path: `${base}/consultations/:id/${step}`,
      tag,
      access: signedIn,
      params: idParams,
      body: actBodySchema,
      summary: STEP_SUMMARY[step],
      responses: {
        200: consultation('the consultation after the step'),
        403: errors('sees it, but may not take this step (or a visitor)'),
        404: notTheirs,
        409: errors('not in a state for this step (a sentence says why)'),
      },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.transition(db, mailer, ctx, params.id, step, now())),
        ),
    }),
  );
  const parts = (['join', 'observe'] as const).map((how) =>
    route({
      method: 'post',
      path: `${base}/consultations/:id/${how}`,
      tag,
      access: signedIn,
      params: idParams,
      body: actBodySchema,
      summary:
        how === 'join'
          ? 'Join as another provider delegation (checked like a booking: the delegation must be free)'
          : 'Observe with a delegation (observing commits no one)',
      responses: {
        200: consultation('the consultation'),
        400: errors('`as` missing or unknown'),
        403: errors('a visitor, or not of the delegation named'),
        404: notTheirs,
        409: errors('no longer live, already taking part, or the delegation would be over-committed'),
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(
            200,
            await service.takePart(
              db,
              ctx,
              params.id,
              how === 'join' ? 'provider' : 'observer',
              body?.as,
              now(),
            ),
          ),
        ),
    }),
  );
  return [
    route({
      method: 'get',
      path: base,
      tag,
      access: signedIn,
      params: marketplaceParams,
      summary: 'The Marketplace’s settings, the caller’s delegations and what they may do',
      responses: { 200: { description: 'settings', schema: settingsViewSchema }, 404: notTheirs },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.getSettings(db, ctx),
        })),
    }),
    route({
      method: 'patch',
      path: base,
      tag,
      access: signedIn,
      params: marketplaceParams,
      body: patchSchema,
      summary:
        'Change the settings (the support unit; JSON merge patch of slotMinutes, tables, segments, requestExpiryMinutes, capPerDelegation)',
      responses: {
        200: { description: 'settings', schema: settingsViewSchema },
        400: errors('a field is wrong, or names an unknown room or segment'),
        403: errors('not the support unit'),
        404: notTheirs,
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.patchSettings(db, ctx, body)),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/needs`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      query: needQuerySchema,
      summary:
        'Needs, filtered by objective, kind of assistance, owner or words (q); each with its number of consultations',
      responses: { 200: { description: 'needs', schema: z.array(needViewSchema) }, 404: notTheirs },
      handle: ({ params, actor, query }) =>
        inMarketplace(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.listNeeds(db, ctx, query, now()),
        })),
    }),
    route({
      method: 'post',
      path: `${base}/needs`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      rawBody: needBodySchema,
      summary: 'Post a need for the caller’s delegation (its owner)',
      responses: {
        201: { description: 'the need', schema: needViewSchema },
        400: errors('a field is wrong'),
        403: errors('a visitor, or not of the owner delegation'),
        404: notTheirs,
        409: errors('the key is taken'),
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await service.createNeed(db, ctx, body, now())),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/needs/:key`,
      tag,
      access: signedIn,
      params: needParams,
      summary: 'Read a need',
      responses: { 200: { description: 'the need', schema: needViewSchema }, 404: notTheirs },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.getNeed(db, ctx, params.key, now())),
        ),
    }),
    route({
      method: 'patch',
      path: `${base}/needs/:key`,
      tag,
      access: signedIn,
      params: needParams,
      body: patchSchema,
      summary: 'Change a need (its owner delegation or the support unit; JSON merge patch)',
      responses: {
        200: { description: 'the need', schema: needViewSchema },
        400: errors('a field is wrong'),
        403: errors('not its owner'),
        404: notTheirs,
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.patchNeed(db, ctx, params.key, body, now())),
        ),
    }),
    route({
      method: 'delete',
      path: `${base}/needs/:key`,
      tag,
      access: signedIn,
      params: needParams,
      summary: 'Delete a need without live consultations (its owner delegation or the support unit)',
      responses: {
        204: { description: 'deleted' },
        403: errors('not its owner'),
        404: notTheirs,
        409: errors('it has live consultations'),
      },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await service.deleteNeed(db, ctx, params.key, now())),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/offers`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      query: offerQuerySchema,
      summary: 'What providers offer, filtered by objective, kind of assistance or provider',
      responses: { 200: { description: 'offers', schema: z.array(offerViewSchema) }, 404: notTheirs },
      handle: ({ params, actor, query }) =>
        inMarketplace(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.listOffers(db, ctx, query),
        })),
    }),
    route({
      method: 'post',
      path: `${base}/offers`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      rawBody: offerBodySchema,
      summary: 'Publish an offer for the caller’s delegation (a provider)',
      responses: {
        201: { description: 'the offer', schema: offerViewSchema },
        400: errors('a field is wrong'),
        403: errors('a visitor, or not of that delegation'),
        404: notTheirs,
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await service.createOffer(db, ctx, body)),
        ),
    }),
    route({
      method: 'patch',
      path: `${base}/offers/:id`,
      tag,
      access: signedIn,
      params: idParams,
      body: patchSchema,
      summary: 'Change an offer (its delegation or the support unit; JSON merge patch)',
      responses: {
        200: { description: 'the offer', schema: offerViewSchema },
        400: errors('a field is wrong'),
        403: errors('not its delegation'),
        404: notTheirs,
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.patchOffer(db, ctx, params.id, body)),
        ),
    }),
    route({
      method: 'delete',
      path: `${base}/offers/:id`,
      tag,
      access: signedIn,
      params: idParams,
      summary: 'Withdraw an offer (its delegation or the support unit)',
      responses: { 204: { description: 'deleted' }, 403: errors('not its delegation'), 404: notTheirs },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await service.deleteOffer(db, ctx, params.id)),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/slots`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      query: slotQuerySchema,
      summary:
        'Every slot of every table in every Marketplace window, for the caller’s delegation as provider and the need’s owner: bookable, or a sentence saying why not',
      responses: {
        200: { description: 'slots, soonest first', schema: slotsViewSchema },
        400: errors('unknown need, or `as` missing when the caller is in several delegations'),
        404: notTheirs,
      },
      handle: ({ params, actor, query }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.slots(db, ctx, query, now())),
        ),
    }),
    route({
      method: 'post',
      path: `${base}/schedule`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      body: scheduleBodySchema,
      summary:
        'The support unit’s automatic schedule: accepted requests that left their slot open are placed at the tables, in the windows, on the slot grid (placement, on the worker pool), and booked',
      responses: {
        200: { description: 'what was scheduled, and why the others were not', schema: scheduleViewSchema },
        403: errors('not the support unit'),
        404: notTheirs,
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(
            200,
            await service.scheduleAccepted(db, mailer, ctx, body ?? { timeLimitMs: 3_000 }, now()),
          ),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/suggestions`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      query: z.object({ need: needParams.shape.key }),
      summary:
        'Providers whose offers share an objective or a kind of assistance with the need, best match first, with their bookable slots',
      responses: {
        200: { description: 'providers', schema: suggestionsSchema },
        400: errors('unknown need'),
        404: notTheirs,
      },
      handle: ({ params, actor, query }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.suggestions(db, ctx, query.need, now())),
        ),
    }),
    route({
      method: 'post',
      path: `${base}/consultations`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      body: consultationBodySchema,
      summary:
        'Request a consultation on another delegation’s need in a slot, as provider; the slot is held until answered or expired',
      responses: {
        201: consultation('requested'),
        400: errors('unknown need, own need, not a slot, or `as` missing'),
        403: errors('a visitor, or not of the delegation named'),
        404: notTheirs,
        409: {
          description: 'the slot is taken or a delegation would be over-committed: the next bookable slots',
          schema: consultationRefusalSchema,
        },
      },
      // The busiest route of a rush: the context and the booking's facts come in one round trip.
      handle: async ({ params, actor, body }) => {
        const opened = await service.openMarketplaceToBook(db, params.slug, actor, {
          key: body.need,
          withId: Boolean(body.slot),
        });
        if (!opened.ok) return failureReply(opened);
        const { ctx, facts } = opened.value;
        return outcomeReply(201, await service.requestConsultation(db, mailer, ctx, body, now(), facts));
      },
    }),
    route({
      method: 'get',
      path: `${base}/consultations`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      query: consultationQuerySchema,
      summary:
        'Consultations of the caller’s delegations (the support unit and visitors: all), soonest first',
      responses: {
        200: { description: 'consultations', schema: z.array(consultationViewSchema) },
        404: notTheirs,
      },
      handle: ({ params, actor, query }) =>
        inMarketplace(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.listConsultations(db, ctx, query, now()),
        })),
    }),
    route({
      method: 'get',
      path: `${base}/consultations/:id`,
      tag,
      access: signedIn,
      params: idParams,
      summary: 'Read a consultation',
      responses: { 200: consultation('the consultation'), 404: notTheirs },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.getConsultation(db, ctx, params.id, now())),
        ),
    }),
    ...steps,
    ...parts,
    route({
      method: 'patch',
      path: `${base}/consultations/:id/outcome`,
      tag,
      access: signedIn,
      params: idParams,
      body: outcomeBodySchema,
      summary: 'Record what came of a held consultation (either side, or the support unit)',
      responses: {
        200: consultation('the consultation with its outcome'),
        403: errors('sees it but is not a side of it'),
        404: notTheirs,
        409: errors('not accepted'),
      },
      handle: ({ params, actor, body }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.recordOutcome(db, ctx, params.id, body, now())),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/report`,
      tag,
      access: signedIn,
      params: marketplaceParams,
      summary:
        'The follow-up funnel (consultations → project proposals → followed up → implemented), overall, by GCM objective and by provider kind',
      responses: {
        200: { description: 'the funnel', schema: reportSchema },
        403: errors('a visitor'),
        404: notTheirs,
      },
      handle: ({ params, actor }) =>
        inMarketplace(db, params.slug, actor, async (ctx) =>
          ctx.visitorOnly
            ? failureReply({
                ok: false,
                reason: 'forbidden',
                errors: [{ path: '', message: 'the report is for the support unit and participants' }],
              })
            : { status: 200, body: await service.report(db, ctx) },
        ),
    }),
  ];
}
