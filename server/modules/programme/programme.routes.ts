import { z } from 'zod';
import {
  confirmBodySchema,
  conflictRefusalSchema,
  itemParams,
  participantParams,
  participantWithIdSchema,
  patchSchema,
  slugParams,
} from '../../../shared/schemas/api.ts';
import { participantSchema } from '../../../shared/schemas/summit-file.ts';
import type { Db } from '../../db/client.ts';
import { anyone, signedIn } from '../../http/access.ts';
import { errorResponse as errors, foundReply, outcomeReply, type Route, route } from '../../http/route.ts';
import { inSummit } from '../../http/summit-route.ts';
import * as participants from './participants.service.ts';
import { LIST_NAMES, LISTS } from './programme.lists.ts';
import type { ListName } from './programme.repo.ts';
import * as service from './programme.service.ts';

const refused = (description: string) => ({ description, schema: conflictRefusalSchema });

function listRoutes(db: Db, list: ListName): Route[] {
  const { noun, schema } = LISTS[list];
  const base = `/api/summits/:slug/${list}`;
  return [
    route({
      method: 'get',
      path: base,
      tag: list,
      access: anyone,
      params: slugParams,
      summary: `List the summit's ${list}`,
      responses: { 200: { description: list, schema: z.array(schema) }, 404: errors('no such summit') },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) => ({
          status: 200,
          body: await service.listItems(db, ctx.summit, list, ctx.view),
        })),
    }),
    route({
      method: 'post',
      path: base,
      tag: list,
      access: signedIn,
      params: slugParams,
      rawBody: schema,
      summary: `Create a ${noun}`,
      responses: {
        201: { description: 'created', schema },
        400: errors(`invalid ${noun}`),
        404: errors('no such summit'),
        409: errors('key taken'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await service.createItem(db, ctx, list, body)),
        ),
    }),
    route({
      method: 'get',
      path: `${base}/:key`,
      tag: list,
      access: anyone,
      params: itemParams,
      summary: `Read a ${noun}`,
      responses: { 200: { description: noun, schema }, 404: errors(`no such ${noun}`) },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          foundReply(
            await service.getItem(db, ctx.summit, list, params.key, ctx.view),
            `${noun} "${params.key}"`,
          ),
        ),
    }),
    route({
      method: 'patch',
      path: `${base}/:key`,
      tag: list,
      access: signedIn,
      params: itemParams,
      body: patchSchema,
      summary: `Change a ${noun} (the result is checked as a whole)`,
      responses: {
        200: { description: noun, schema },
        400: errors(`invalid ${noun}`),
        404: errors(`no such ${noun}`),
        409:
          list === 'sessions'
            ? refused('key taken, or hard conflicts of a published session not accepted')
            : errors('key taken'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await service.patchItem(db, ctx, list, params.key, body)),
        ),
    }),
    route({
      method: 'delete',
      path: `${base}/:key`,
      tag: list,
      access: signedIn,
      params: itemParams,
      summary: `Delete a ${noun} (refused while other items refer to it)`,
      responses: {
        204: { description: 'deleted' },
        404: errors(`no such ${noun}`),
        409: errors('still referred to'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await service.deleteItem(db, ctx, list, params.key)),
        ),
    }),
  ];
}

function participantRoutes(db: Db): Route[] {
  const base = '/api/summits/:slug/sessions/:key/participants';
  return [
    route({
      method: 'get',
      path: base,
      tag: 'participants',
      access: anyone,
      params: itemParams,
      summary: "List a session's participants",
      responses: {
        200: { description: 'participants', schema: z.array(participantWithIdSchema) },
        404: errors('no such session'),
      },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(200, await participants.listParticipants(db, ctx, params.key)),
        ),
    }),
    route({
      method: 'post',
      path: base,
      tag: 'participants',
      access: signedIn,
      params: itemParams,
      rawBody: participantSchema,
      summary: 'Add a participant (a person or a delegation, with a role)',
      responses: {
        201: { description: 'added', schema: participantWithIdSchema },
        400: errors('invalid'),
        404: errors('no such session'),
        409: refused('already listed, or hard conflicts of a published session not accepted'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(201, await participants.addParticipant(db, ctx, params.key, body)),
        ),
    }),
    route({
      method: 'post',
      path: `${base}/:id/confirm`,
      tag: 'participants',
      access: signedIn,
      params: participantParams,
      body: confirmBodySchema,
      summary:
        "Confirm a request naming a delegation or its people (the support unit or that delegation's focal point); decline it with DELETE",
      responses: {
        200: { description: 'confirmed', schema: participantWithIdSchema },
        403: errors('neither the support unit nor the focal point of the delegation it names'),
        404: errors('no such session or participant'),
        409: refused('hard conflicts of a published session not accepted'),
      },
      handle: ({ params, actor, body }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(
            200,
            await participants.confirmParticipant(db, ctx, params.key, params.id, body?.accept),
          ),
        ),
    }),
    route({
      method: 'delete',
      path: `${base}/:id`,
      tag: 'participants',
      access: signedIn,
      params: participantParams,
      summary: 'Remove a participant (the focal point of the delegation a request names: decline it)',
      responses: { 204: { description: 'removed' }, 404: errors('no such session or participant') },
      handle: ({ params, actor }) =>
        inSummit(db, params.slug, actor, async (ctx) =>
          outcomeReply(204, await participants.removeParticipant(db, ctx, params.key, params.id)),
        ),
    }),
  ];
}

export function programmeRoutes(db: Db): Route[] {
  return [...LIST_NAMES.flatMap((list) => listRoutes(db, list)), ...participantRoutes(db)];
}
