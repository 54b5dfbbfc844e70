// Use cases on whole summits: the summit file in and out, and the summit's own fields.
import type { Summit } from '../../../shared/domain/programme.ts';
import { resolveSummit } from '../../../shared/domain/resolve.ts';
import { readSummitFile, summitToItem, writeSummitFile } from '../../../shared/domain/summit-file.ts';
import { dayBounds, datesBetween, zoneOffsets, type ZoneOffset } from '../../../shared/domain/time.ts';
import { zodProblems } from '../../../shared/schemas/problems.ts';
import { summitSchema, type SummitItem } from '../../../shared/schemas/summit-file.ts';
import { type Actor, actorLabel, isAdmin } from '../../core/actor.ts';
import { record } from '../../core/audit.ts';
import { mergePatch } from '../../core/merge-patch.ts';
import { conflict, invalid, type Outcome } from '../../core/outcome.ts';
import { rolesIn } from '../../core/roles.ts';
import { findSummit, type SummitContext, type SummitRecord } from '../../core/summit-context.ts';
import type { Db } from '../../db/client.ts';
import { deleteMarketplace, insertMarketplace, loadMarketplace } from '../marketplace/marketplace.service.ts';
import { deleteProgramme, insertProgramme, loadProgramme } from '../programme/programme.service.ts';
import { grantsToCarryOver, restoreGrants } from '../roles/roles.service.ts';
import { summitsPolicy } from './summits.policy.ts';
import * as repo from './summits.repo.ts';

const slugTaken = (slug: string, path: string, hint = '') =>
  conflict(`summit "${slug}" already exists${hint}`, path, 'slugTaken', { slug });

/** Imports a whole summit file in one transaction: all of it, or nothing. */
export async function importSummit(
  db: Db,
  actor: Actor,
  body: unknown,
  opts: { replace: boolean },
): Promise<Outcome<{ slug: string; replaced: boolean }>> {
  const file = readSummitFile(body);
  if (!file.ok) return invalid(file.errors);
  const { summit, marketplace, ...lists } = file.value;
  return db.transaction(async (tx) => {
    const existing = await findSummit(tx, summit.slug);
    const verdict = summitsPolicy.mayImport(actor, existing ? await rolesIn(tx, existing.id, actor) : null);
    if (!verdict.ok) return verdict;
    if (existing && !opts.replace) {
      return slugTaken(summit.slug, 'summit.slug', ' (use ?replace=true to replace it)');
    }
    // A replacement keeps the summit's grants, outbox and audit: only its programme is new. Grants
    // tied to a delegation follow it by key.
    const grants = existing ? await grantsToCarryOver(tx, existing.id) : [];
    // The Marketplace refers to the programme's rooms, segments and delegations: it goes first.
    if (existing) await deleteMarketplace(tx, existing.id);
    if (existing) await deleteProgramme(tx, existing.id);
    const id = existing ? existing.id : await repo.insertSummit(tx, summit);
    if (existing) await repo.updateSummit(tx, id, summit);
    const ids = await insertProgramme(tx, id, lists);
    if (marketplace) await insertMarketplace(tx, id, marketplace);
    await restoreGrants(tx, id, grants, ids.delegations);
    await record(tx, {
      summit: { id, slug: summit.slug },
      actor: actorLabel(actor),
      action: existing ? 'replace' : 'import',
      entity: 'summit',
      key: summit.slug,
      after: {
        rooms: lists.rooms.length,
        segments: lists.segments.length,
        delegations: lists.delegations.length,
        people: lists.people.length,
        sessions: lists.sessions.length,
      },
    });
    return { ok: true, value: { slug: summit.slug, replaced: existing !== null } };
  });
}

export async function exportSummit(
  db: Db,
  ctx: SummitContext,
): Promise<Outcome<ReturnType<typeof writeSummitFile>>> {
  const verdict = summitsPolicy.mayExport(ctx.roles);
  if (!verdict.ok) return verdict;
  const { summit } = ctx;
  const file = await db.transaction(
    async (tx) => {
      const marketplace = await loadMarketplace(tx, summit.id);
      return writeSummitFile({
        summit,
        ...(await loadProgramme(tx, summit.id)),
        ...(marketplace && { marketplace }),
      });
    },
    {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    },
  );
  return { ok: true, value: file };
}

export type SummitView = SummitItem & { days: string[]; offsets: ZoneOffset[] };

/** The summit as a client shows it: its fields, its days, and its zone's offsets over them. */
export function summitView(summit: SummitRecord): SummitView {
  const days = datesBetween(summit.startDate, summit.endDate);
  // A week either side covers sessions just outside the summit's days.
  const from = dayBounds(summit.startDate, summit.timeZone)[0] - 7 * 86_400_000;
  const to = dayBounds(summit.endDate, summit.timeZone)[1] + 7 * 86_400_000;
  return { ...summitToItem(summit), days, offsets: zoneOffsets(summit.timeZone, from, to) };
}

function checkSummit(body: unknown): Outcome<Summit> {
  const parsed = summitSchema.safeParse(body);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const resolved = resolveSummit(parsed.data, '');
  return resolved.ok ? resolved : invalid(resolved.errors);
}

export async function createSummit(db: Db, actor: Actor, body: unknown): Promise<Outcome<SummitView>> {
  const checked = checkSummit(body);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    if (await findSummit(tx, checked.value.slug)) return slugTaken(checked.value.slug, 'slug');
    const id = await repo.insertSummit(tx, checked.value);
    await record(tx, {
      summit: { id, slug: checked.value.slug },
      actor: actorLabel(actor),
      action: 'create',
      entity: 'summit',
      key: checked.value.slug,
      after: summitToItem(checked.value),
    });
    return { ok: true, value: summitView({ ...checked.value, id }) };
  });
}

export async function updateSummit(
  db: Db,
  ctx: SummitContext,
  patch: Record<string, unknown>,
): Promise<Outcome<SummitView>> {
  const { summit } = ctx;
  const verdict = summitsPolicy.mayChange(ctx.roles);
  if (!verdict.ok) return verdict;
  const checked = checkSummit(mergePatch(summitToItem(summit), patch));
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const other = await findSummit(tx, checked.value.slug);
    if (other && other.id !== summit.id) return slugTaken(checked.value.slug, 'slug');
    await repo.updateSummit(tx, summit.id, checked.value);
    await record(tx, {
      summit,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'summit',
      key: summit.slug,
      before: summitToItem(summit),
      after: summitToItem(checked.value),
    });
    return { ok: true, value: summitView({ ...checked.value, id: summit.id }) };
  });
}

export async function deleteSummit(db: Db, ctx: SummitContext): Promise<Outcome<null>> {
  const verdict = summitsPolicy.mayDelete(ctx.actor);
  if (!verdict.ok) return verdict;
  await db.transaction(async (tx) => {
    await repo.deleteSummit(tx, ctx.summit.id);
    await record(tx, {
      summit: ctx.summit,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: 'summit',
      key: ctx.summit.slug,
      before: summitToItem(ctx.summit),
    });
  });
  return { ok: true, value: null };
}

/** Summits the caller may list: administrators all, anyone else those with a published programme. */
export async function listSummits(db: Db, actor: Actor): Promise<SummitView[]> {
  return (await repo.listSummits(db, { publicOnly: !isAdmin(actor) })).map(summitView);
}

/** Loads a summit file into an empty database (the demo); a database with any summit is left alone. */
export async function importIfEmpty(
  db: Db,
  actor: Actor,
  file: unknown,
): Promise<Outcome<{ slug: string } | null>> {
  if ((await repo.countSummits(db)) > 0) return { ok: true, value: null };
  return importSummit(db, actor, file, { replace: false });
}
