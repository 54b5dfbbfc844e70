// The summit a request names, what the caller is in it, and what they may see of it. A hidden
// summit is reported as not found, exactly like one that does not exist, so that drafts do not leak.
import { and, eq, sql } from 'drizzle-orm';
import type { Summit } from '../../shared/domain/programme.ts';
import type { Language } from '../../shared/domain/vocabulary.ts';
import type { Executor } from '../db/client.ts';
import { sessions, summits } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { notFound, type Outcome } from './outcome.ts';
import { rolesIn, type SummitRoles } from './roles.ts';

export type SummitRecord = Summit & { id: number };
/** What of a summit the caller sees: drafts (unpublished sessions) and contact details. */
export type View = { drafts: boolean; contacts: boolean };
export type SummitContext = { summit: SummitRecord; actor: Actor; roles: SummitRoles; view: View };

export const summitOf = (r: typeof summits.$inferSelect): SummitRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  theme: r.theme,
  venue: r.venue,
  timeZone: r.timeZone,
  startDate: r.startDate,
  endDate: r.endDate,
  proposalDeadline: r.proposalDeadline?.getTime() ?? null,
  travelMinutes: r.travelMinutes,
  language: r.language as Language,
});

export async function findSummit(db: Executor, slug: string): Promise<SummitRecord | null> {
  const [row] = await db.select().from(summits).where(eq(summits.slug, slug));
  return row ? summitOf(row) : null;
}

/** A summit is public once any of its sessions is published. */
export async function isPublic(db: Executor, summitId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.summitId, summitId), eq(sessions.status, 'published')))
    .limit(1);
  return row !== undefined;
}

export async function findSummitById(db: Executor, id: number): Promise<SummitRecord | null> {
  const [row] = await db.select().from(summits).where(eq(summits.id, id));
  return row ? summitOf(row) : null;
}

/**
 * Serialises programme-wide checks with changes: ordinary writes share the lock, a check that must
 * see a stable programme until it commits (publishing, applying a placement) takes it alone.
 */
export async function lockSummit(tx: Executor, id: number, mode: 'share' | 'update'): Promise<void> {
  await tx.execute(
    mode === 'update'
      ? sql`select id from ${summits} where id = ${id} for update`
      : sql`select id from ${summits} where id = ${id} for share`,
  );
}

/**
 * The support unit sees everything; anyone else sees the published programme of a public summit,
 * or of a summit where they have a role, without contact details; otherwise nothing (null).
 */
export function viewOf(roles: SummitRoles, summitIsPublic: boolean): View | null {
  if (roles.supportUnit) return { drafts: true, contacts: true };
  const hasRole = roles.delegateOf.size > 0 || roles.personKeys.size > 0 || roles.organiserOf.size > 0;
  return summitIsPublic || hasRole ? { drafts: false, contacts: false } : null;
}

/** Opens the summit a request names for this caller, or answers not found. */
export async function openSummit(db: Executor, slug: string, actor: Actor): Promise<Outcome<SummitContext>> {
  const summit = await findSummit(db, slug);
  const missing = notFound(`summit "${slug}" not found`);
  if (!summit) return missing;
  const roles = await rolesIn(db, summit.id, actor);
  const view = viewOf(roles, roles.supportUnit || (await isPublic(db, summit.id)));
  return view ? { ok: true, value: { summit, actor, roles, view } } : missing;
}
