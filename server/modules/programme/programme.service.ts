// Use cases on one list of a summit: read, create, update, delete an item by key.
import type { ConflictRef } from '../../../shared/domain/conflict-refs.ts';
import type { Programme, Session } from '../../../shared/domain/programme.ts';
import type { ResolveContext } from '../../../shared/domain/resolve.ts';
import { acceptSchema } from '../../../shared/schemas/api.ts';
import { zodProblems } from '../../../shared/schemas/problems.ts';
import { actorLabel } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { mergePatch } from '../../core/merge-patch.ts';
import { conflict, invalid, notFound as missing, type Outcome, type Verdict } from '../../core/outcome.ts';
import { lockSummit, type SummitContext, type SummitRecord, type View } from '../../core/summit-context.ts';
import type { Db, Executor } from '../../db/client.ts';
import { LISTS, type Refs } from './programme.lists.ts';
import { programmePolicy } from './programme.policy.ts';
import * as repo from './programme.repo.ts';
import type { ListName } from './programme.repo.ts';
import { emptyKeyIds, type KeyIds } from './programme.rows.ts';
import { sees, visiblePeople } from './programme.visibility.ts';
import { guardPublished, recordAccepted, statusKept } from './published.ts';
import { settleParticipants } from './confirmation.ts';

type Item = Record<string, unknown>;
export type { ListName, Outcome };

async function load(
  db: Executor,
  summitId: number,
  list: ListName,
  view: View,
  keys?: string[],
): Promise<Programme[ListName]> {
  switch (list) {
    case 'rooms':
      return repo.loadRooms(db, summitId, keys);
    case 'segments':
      return repo.loadSegments(db, summitId, keys);
    case 'delegations':
      return repo.loadDelegations(db, summitId, keys);
    case 'people': {
      const people = await repo.loadPeople(db, summitId, { keys, publicOnly: !view.drafts });
      return view.contacts ? people : people.map((p) => ({ ...p, email: null }));
    }
    case 'sessions':
      return repo.loadSessions(db, summitId, { keys, publishedOnly: !view.drafts });
  }
}

export async function listItems(db: Db, summit: SummitRecord, list: ListName, view: View): Promise<Item[]> {
  const values = await load(db, summit.id, list, view);
  return values.map((v) => LISTS[list].toItem(v as never, summit.timeZone));
}

export async function getItem(
  db: Db,
  summit: SummitRecord,
  list: ListName,
  key: string,
  view: View,
): Promise<Item | null> {
  const [value] = await load(db, summit.id, list, view, [key]);
  return value ? LISTS[list].toItem(value as never, summit.timeZone) : null;
}

/**
 * Validates an item against its schema and its summit; on success, the value and the ids it
 * refers to. A reference the caller cannot see is unknown, like one to nothing, unless the item
 * already had it (`before`).
 */
async function check(tx: Executor, ctx: SummitContext, list: ListName, body: unknown, before: Item | null) {
  const { summit } = ctx;
  const spec = LISTS[list];
  const parsed = spec.schema.safeParse(body);
  if (!parsed.success) return { ok: false as const, failure: invalid(zodProblems(parsed.error)) };
  const refs: Refs = spec.refs(parsed.data);
  const ids = await repo.resolveKeys(tx, summit.id, refs);
  if (!ctx.view.drafts) {
    const had = new Set(before ? spec.refs(before).people : []);
    const added = refs.people.filter((k) => !had.has(k));
    const seen = await visiblePeople(tx, ctx, added);
    for (const k of added) if (!seen.has(k)) ids.people.delete(k);
  }
  const resolveCtx: ResolveContext = { timeZone: summit.timeZone, ...ids };
  const resolved = spec.resolve(parsed.data, resolveCtx, '');
  if (!resolved.ok) return { ok: false as const, failure: invalid(resolved.errors) };
  return { ok: true as const, value: resolved.value, ids };
}

/** The item as the caller may write to it (drafts they see included), or null: it does not exist for them. */
async function findForWrite(tx: Executor, ctx: SummitContext, list: ListName, key: string) {
  const [current] = await load(tx, ctx.summit.id, list, { drafts: true, contacts: true }, [key]);
  return current && (await sees(tx, ctx, list, current)) ? current : null;
}

/** Whether a session (or another item) exists for the caller, as a write would find it. */
export const existsForWrite = async (db: Db, ctx: SummitContext, list: ListName, key: string) =>
  (await findForWrite(db, ctx, list, key)) !== null;

/** A person's e-mail address names one person of the summit (sign-in maps it to them). */
async function emailTaken(
  tx: Executor,
  ctx: SummitContext,
  list: ListName,
  before: Item | null,
  after: Item,
) {
  if (list !== 'people' || typeof after.email !== 'string') return null;
  const other = await repo.personWithEmail(tx, ctx.summit.id, after.email, (before?.key as string) ?? null);
  if (other === null) return null;
  // Only those who see contact details learn whose address it is.
  return conflict(
    ctx.view.contacts
      ? `person "${other}" already has the e-mail address "${after.email}"`
      : `another person of this summit already has the e-mail address "${after.email}"`,
    'email',
  );
}

const audit = (
  tx: Executor,
  ctx: SummitContext,
  action: 'create' | 'update' | 'delete',
  list: ListName,
  key: string,
  before: Item | null,
  after: Item | null,
) =>
  record(tx, {
    summit: ctx.summit,
    actor: actorLabel(ctx.actor),
    action,
    entity: LISTS[list].noun,
    key,
    before,
    after,
  });

const rawKey = (body: unknown) =>
  typeof body === 'object' && body !== null ? (body as { key?: unknown }).key : undefined;

export async function createItem(
  db: Db,
  ctx: SummitContext,
  list: ListName,
  body: unknown,
): Promise<Outcome<Item>> {
  const { summit } = ctx;
  const { noun } = LISTS[list];
  // Permission first: nothing in the body is checked for a caller who may not create at all.
  const may = programmePolicy.mayCreateIn(ctx.roles, list, noun, rawKey(body));
  if (!may.ok) return may;
  return db.transaction(async (tx) => {
    await lockSummit(tx, summit.id, 'share');
    const checked = await check(tx, ctx, list, body, null);
    if (!checked.ok) return checked.failure;
    const { key } = checked.value;
    const value = list === 'sessions' ? await sessionRules(tx, ctx, null, checked.value as Session) : checked;
    if (!value.ok) return value;
    const after = LISTS[list].toItem(value.value as never, summit.timeZone);
    const verdict = programmePolicy.mayWrite(ctx.roles, list, noun, null, after);
    if (!verdict.ok) return verdict;
    if ((await repo.findId(tx, summit.id, list, key)) !== null) {
      return conflict(`a ${noun} with key "${key}" already exists`, 'key', 'keyTaken', { kind: noun, key });
    }
    const taken = await emailTaken(tx, ctx, list, null, after);
    if (taken) return taken;
    await repo.insertLists(tx, summit.id, { [list]: [value.value] }, checked.ids);
    await audit(tx, ctx, 'create', list, key, null, after);
    return { ok: true, value: after };
  });
}

/** A session's file item leaves out its length when it has start and end; a change may need it. */
function withDuration(list: ListName, item: Item, current: Programme[ListName][number]): Item {
  return list === 'sessions'
    ? { ...item, durationMinutes: (current as Programme['sessions'][number]).durationMinutes }
    : item;
}

/** A JSON merge patch; a session given a new time loses its stored length (start/end say it). */
function merge(list: ListName, current: Item, patch: Item): Item {
  const out = mergePatch(current, patch);
  // Moving a session changes its length through start/end; unplacing it keeps its length.
  if (
    list === 'sessions' &&
    !('durationMinutes' in patch) &&
    (out.start !== undefined || out.end !== undefined)
  )
    delete out.durationMinutes;
  return out;
}

/** What a session must keep whoever changes it: its status, and its participants' confirmation. */
async function sessionRules(tx: Executor, ctx: SummitContext, before: Session | null, after: Session) {
  const status = statusKept(before, after);
  return status ?? (await settleParticipants(tx, ctx, before, after));
}

export type UpdateOptions = {
  /** Hard conflicts a change of a published session may create, accepted by name (published.ts). */
  accept?: readonly ConflictRef[];
  /**
   * The caller's right to this change, decided by the use case instead of the programme's policy
   * (a focal point confirming or declining a participant: participants.service.ts).
   */
  authorise?: () => Verdict;
};

/**
 * Applies a change to one item, checked as a whole, with the caller's right to make it. Every
 * change of a session goes through here (PATCH, participants, moves, placement), so that each
 * gets the rules of a published session.
 */
export async function updateItem(
  db: Db,
  ctx: SummitContext,
  list: ListName,
  key: string,
  change: (current: Item) => Item,
  opts: UpdateOptions = {},
): Promise<Outcome<Item>> {
  const { summit } = ctx;
  return db.transaction(async (tx) => {
    await lockSummit(tx, summit.id, 'share');
    // What the caller cannot see does not exist for them; what they may not change at all is
    // refused before the change is read, so that its validation tells nothing of the item.
    const current = await findForWrite(tx, ctx, list, key);
    if (!current) return missing(`${LISTS[list].noun} "${key}" not found`);
    const before = LISTS[list].toItem(current as never, summit.timeZone);
    const may = opts.authorise?.() ?? programmePolicy.mayChange(ctx.roles, list, LISTS[list].noun, before);
    if (!may.ok) return may;
    const checked = await check(tx, ctx, list, change(withDuration(list, before, current)), before);
    if (!checked.ok) return checked.failure;
    const value =
      list === 'sessions'
        ? await sessionRules(tx, ctx, current as Session, checked.value as Session)
        : checked;
    if (!value.ok) return value;
    const session =
      list === 'sessions' ? { before: current as Session, after: value.value as Session } : null;
    const after = LISTS[list].toItem(value.value as never, summit.timeZone);
    const verdict =
      opts.authorise?.() ?? programmePolicy.mayWrite(ctx.roles, list, LISTS[list].noun, before, after);
    if (!verdict.ok) return verdict;
    const newKey = checked.value.key;
    if (newKey !== key && (await repo.findId(tx, summit.id, list, newKey)) !== null) {
      return conflict(`a ${LISTS[list].noun} with key "${newKey}" already exists`, 'key', 'keyTaken', {
        kind: LISTS[list].noun,
        key: newKey,
      });
    }
    const taken = await emailTaken(tx, ctx, list, before, after);
    if (taken) return taken;
    const guarded =
      session && (await guardPublished(tx, ctx, session.before, session.after, opts.accept ?? []));
    if (guarded && !guarded.ok) return guarded;
    await repo.updateItem(tx, summit.id, list, key, value.value, checked.ids);
    await audit(tx, ctx, 'update', list, key, before, after);
    if (guarded) await recordAccepted(tx, ctx, newKey, guarded.accepted);
    return { ok: true, value: after };
  });
}

/**
 * PATCH: a JSON merge patch on the item as the file shows it. A session's patch may carry
 * `accept`, which is not a field: the hard conflicts a change of a published session may create.
 */
export async function patchItem(db: Db, ctx: SummitContext, list: ListName, key: string, patch: Item) {
  if (list !== 'sessions' || !('accept' in patch))
    return updateItem(db, ctx, list, key, (c) => merge(list, c, patch));
  const { accept, ...fields } = patch;
  const parsed = acceptSchema.safeParse(accept ?? []);
  if (!parsed.success) return invalid(zodProblems(parsed.error, 'accept'));
  return updateItem(db, ctx, list, key, (current) => merge(list, current, fields), { accept: parsed.data });
}

export async function deleteItem(
  db: Db,
  ctx: SummitContext,
  list: ListName,
  key: string,
): Promise<Outcome<null>> {
  const { summit } = ctx;
  const noun = LISTS[list].noun;
  return db.transaction(async (tx) => {
    await lockSummit(tx, summit.id, 'share');
    const current = await findForWrite(tx, ctx, list, key);
    if (!current) return missing(`${noun} "${key}" not found`);
    const before = LISTS[list].toItem(current as never, summit.timeZone);
    const verdict = programmePolicy.mayWrite(ctx.roles, list, noun, before, null);
    if (!verdict.ok) return verdict;
    const users = list === 'sessions' ? [] : await repo.referencesTo(tx, summit.id, list, key);
    if (users.length > 0) {
      const shown =
        users.slice(0, 10).join(', ') + (users.length > 10 ? ` and ${users.length - 10} more` : '');
      return conflict(
        `${noun} "${key}" is still used by ${shown}; change or delete them first`,
        '',
        'stillUsed',
        {
          kind: noun,
          count: users.length,
        },
      );
    }
    await repo.deleteItem(tx, summit.id, list, key);
    await audit(tx, ctx, 'delete', list, key, before, null);
    return { ok: true, value: null };
  });
}

// ---- the whole programme, for the other modules ----

/** Every list of a summit, as the domain model (the conflict engine's and the summit file's input). */
export const loadProgramme = (db: Executor, summitId: number) => repo.loadLists(db, summitId);

export { conflictInput } from './published.ts';

/** Inserts whole lists into an empty programme; answers the new rows' ids by key. */
export async function insertProgramme(tx: Executor, summitId: number, lists: repo.Lists): Promise<KeyIds> {
  const ids = emptyKeyIds();
  await repo.insertLists(tx, summitId, lists, ids);
  return ids;
}

/** Removes a summit's programme, keeping the summit. */
export const deleteProgramme = (tx: Executor, summitId: number) => repo.deleteProgramme(tx, summitId);

/** Publishes every session of a summit that has a time (the publish gate has run); answers how many. */
export const publishPlacedSessions = (tx: Executor, summitId: number) => repo.publishPlaced(tx, summitId);

/**
 * Adds one session in another use case's transaction (an accepted side-event proposal); that use
 * case decided who may, and its references are to items that exist. The summit's programme lock
 * is taken as any change of it takes it.
 */
export async function insertSession(tx: Executor, summitId: number, session: Session): Promise<void> {
  await lockSummit(tx, summitId, 'share');
  const refs = {
    rooms: session.room === null ? [] : [session.room],
    segments: session.segment === null ? [] : [session.segment],
    delegations: session.participants.flatMap((p) => (p.delegation === null ? [] : [p.delegation])),
    people: session.participants.flatMap((p) => (p.person === null ? [] : [p.person])),
  };
  await repo.insertLists(tx, summitId, { sessions: [session] }, await repo.resolveKeys(tx, summitId, refs));
}

/** Removes one session in another use case's transaction (a withdrawn proposal's unplaced session). */
export async function removeSession(tx: Executor, summitId: number, key: string): Promise<boolean> {
  await lockSummit(tx, summitId, 'share');
  return repo.deleteItem(tx, summitId, 'sessions', key);
}

/** A delegation of a summit by key, or null. */
export const findDelegation = (db: Executor, summitId: number, key: string) =>
  repo.findDelegation(db, summitId, key);

export {
  loadSessions,
  loadPeople,
  loadRooms,
  loadSegments,
  loadDelegations,
  findId,
  publishedSessionIds,
} from './programme.repo.ts';
export type { SessionFilter } from './programme.repo.ts';
