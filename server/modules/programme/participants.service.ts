// A session's participants as a collection of their own. Adding, confirming or removing one is a
// change of its session, with the same checks, rights and audit as any other; a focal point may also
// confirm or decline a request naming their delegation (confirmation.ts).
import { participantToItem } from '../../../shared/domain/summit-file.ts';
import { acceptSchema } from '../../../shared/schemas/api.ts';
import { zodProblems } from '../../../shared/schemas/problems.ts';
import { participantSchema, type ParticipantItem } from '../../../shared/schemas/summit-file.ts';
import type { ConflictRef } from '../../../shared/domain/conflict-refs.ts';
import type { Participant } from '../../../shared/domain/programme.ts';
import { allowed, conflict, forbidden, invalid, notFound, type Outcome } from '../../core/outcome.ts';
import type { SummitContext } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { delegationsOf, mayConfirm } from './confirmation.ts';
import * as repo from './programme.repo.ts';
import { existsForWrite, updateItem } from './programme.service.ts';

const sessionMissing = (key: string) => notFound(`session "${key}" not found`);
const sameParticipant = (a: ParticipantItem, b: ParticipantItem) =>
  a.person === b.person && a.delegation === b.delegation && a.role === b.role;

/** A session's participants with their ids, as a read (`view`) or a write (`write`) finds the session. */
async function rows(db: Db, ctx: SummitContext, key: string, as: 'view' | 'write' = 'view') {
  if (as === 'write' && !(await existsForWrite(db, ctx, 'sessions', key))) return null;
  const id = await repo.findSessionId(db, ctx.summit.id, key, as === 'view' && !ctx.view.drafts);
  return id === null
    ? null
    : (await repo.loadParticipantRows(db, id)).map((r) => ({ id: r.id, ...participantToItem(r) }));
}

export async function listParticipants(db: Db, ctx: SummitContext, key: string) {
  const list = await rows(db, ctx, key);
  return list ? { ok: true as const, value: list } : sessionMissing(key);
}

export async function addParticipant(
  db: Db,
  ctx: SummitContext,
  key: string,
  body: unknown,
): Promise<Outcome<Record<string, unknown>>> {
  // `accept` is not a field of the participant: the hard conflicts naming them in a published
  // session may create (published.ts).
  const { accept, ...fields } =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const accepted = acceptSchema.optional().safeParse(accept);
  if (!accepted.success) return invalid(zodProblems(accepted.error, 'accept'));
  const parsed = participantSchema.safeParse(typeof body === 'object' && body !== null ? fields : body);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const wanted = parsed.data;
  let duplicate = false;
  const result = await updateItem(
    db,
    ctx,
    'sessions',
    key,
    (current) => {
      const list = current.participants as ParticipantItem[];
      duplicate = list.some((p) => sameParticipant(p, wanted));
      return duplicate ? current : { ...current, participants: [...list, wanted] };
    },
    { accept: accepted.data },
  );
  if (!result.ok) {
    // The new participant is the last of the list: name its fields, not the list's.
    const prefix = /^participants\[\d+\]\.?/;
    return { ...result, errors: result.errors.map((e) => ({ ...e, path: e.path.replace(prefix, '') })) };
  }
  if (duplicate)
    return conflict(
      `session "${key}" already lists this participant as ${wanted.role}`,
      '',
      'participantListed',
      {
        role: wanted.role,
      },
    );
  const added = (await rows(db, ctx, key, 'write'))!.find((p) => sameParticipant(p, wanted))!;
  return { ok: true, value: added };
}

/** One participant of a session the caller may write to, with the delegation it commits. */
async function participantFor(db: Db, ctx: SummitContext, key: string, participantId: number) {
  const list = await rows(db, ctx, key, 'write');
  if (!list) return sessionMissing(key);
  const target = list.find((p) => p.id === participantId);
  if (!target) return notFound(`participant ${participantId} not found in session "${key}"`);
  const delegationOf = await delegationsOf(db, ctx.summit.id, [participantOfItem(target)]);
  return { ok: true as const, value: { target, delegation: delegationOf(participantOfItem(target)) } };
}

const participantOfItem = (p: ParticipantItem): Participant => ({
  person: p.person ?? null,
  delegation: p.delegation ?? null,
  role: p.role,
});

/** Removes a participant; the focal point of the delegation a request names may decline it so. */
export async function removeParticipant(
  db: Db,
  ctx: SummitContext,
  key: string,
  participantId: number,
): Promise<Outcome<null>> {
  const found = await participantFor(db, ctx, key, participantId);
  if (!found.ok) return found;
  const { target, delegation } = found.value;
  const declining = target.confirmed === false && mayConfirm(ctx.roles, delegation);
  const result = await updateItem(
    db,
    ctx,
    'sessions',
    key,
    (current) => ({
      ...current,
      participants: (current.participants as ParticipantItem[]).filter((p) => !sameParticipant(p, target)),
    }),
    declining ? { authorise: () => allowed } : {},
  );
  return result.ok ? { ok: true, value: null } : result;
}

/**
 * Confirms a request naming a delegation or one of its people: the support unit or that
 * delegation's focal point. From then on it commits them, so in a published session it may
 * create hard conflicts, to be accepted by name like any other change.
 */
export async function confirmParticipant(
  db: Db,
  ctx: SummitContext,
  key: string,
  participantId: number,
  accept: readonly ConflictRef[] = [],
): Promise<Outcome<Record<string, unknown>>> {
  const found = await participantFor(db, ctx, key, participantId);
  if (!found.ok) return found;
  const { target, delegation } = found.value;
  if (!mayConfirm(ctx.roles, delegation)) {
    return forbidden(
      `only the support unit${delegation === null ? '' : ` or the focal point of delegation "${delegation}"`} may confirm this participant`,
    );
  }
  if (target.confirmed !== false) return { ok: true, value: target };
  const result = await updateItem(
    db,
    ctx,
    'sessions',
    key,
    (current) => ({
      ...current,
      participants: (current.participants as ParticipantItem[]).map((p) =>
        sameParticipant(p, target) ? { ...p, confirmed: true } : p,
      ),
    }),
    { accept, authorise: () => allowed },
  );
  if (!result.ok) return result;
  return { ok: true, value: (await rows(db, ctx, key, 'write'))!.find((p) => p.id === participantId)! };
}
