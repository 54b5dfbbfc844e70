import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { delegations, participants, people, sessions, summitRoles, summits, users } from '../../db/schema.ts';

export type { GrantedRole } from '../../../shared/domain/vocabulary.ts';
import type { GrantedRole } from '../../../shared/domain/vocabulary.ts';

/** What one user is in one summit: granted roles, and roles that follow from the programme. */
export type SummitRoles = {
  supportUnit: boolean;
  focalPointOf: Set<string>;
  /** Delegations the user belongs to: granted, or as a person of the summit file with their address. */
  delegateOf: Set<string>;
  personKeys: Set<string>;
  /** Side events that name one of the user's people as organiser. */
  organiserOf: Set<string>;
  marketplace: { owner: boolean; provider: boolean; visitor: boolean };
};

export const noRoles = (): SummitRoles => ({
  supportUnit: false,
  focalPointOf: new Set(),
  delegateOf: new Set(),
  personKeys: new Set(),
  organiserOf: new Set(),
  marketplace: { owner: false, provider: false, visitor: false },
});

export async function rolesOf(
  db: Executor,
  summitId: number,
  user: { userId: number; email: string },
): Promise<SummitRoles> {
  const roles = noRoles();
  const grants = await db
    .select({ role: summitRoles.role, delegation: delegations.key })
    .from(summitRoles)
    .leftJoin(delegations, eq(delegations.id, summitRoles.delegationId))
    .where(and(eq(summitRoles.summitId, summitId), eq(summitRoles.userId, user.userId)));
  for (const g of grants) {
    if (g.role === 'support_unit') roles.supportUnit = true;
    if (g.role === 'focal_point' && g.delegation) {
      roles.focalPointOf.add(g.delegation);
      roles.delegateOf.add(g.delegation);
    }
    if (g.role === 'delegate' && g.delegation) roles.delegateOf.add(g.delegation);
  }
  const mine = await db
    .select({
      id: people.id,
      key: people.key,
      delegationId: people.delegationId,
      delegation: delegations.key,
    })
    .from(people)
    .leftJoin(delegations, eq(delegations.id, people.delegationId))
    .where(and(eq(people.summitId, summitId), sql`lower(${people.email}) = ${user.email}`));
  for (const p of mine) {
    roles.personKeys.add(p.key);
    if (p.delegation) roles.delegateOf.add(p.delegation);
  }
  const personIds = mine.map((p) => p.id);
  if (personIds.length) {
    const organised = await db
      .selectDistinct({ key: sessions.key })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(
        and(
          inArray(participants.personId, personIds),
          eq(participants.role, 'organiser'),
          eq(sessions.kind, 'side_event'),
        ),
      );
    for (const s of organised) roles.organiserOf.add(s.key);
  }
  if (roles.delegateOf.size || personIds.length) {
    const delegationIds =
      roles.delegateOf.size === 0
        ? []
        : (
            await db
              .select({ id: delegations.id })
              .from(delegations)
              .where(and(eq(delegations.summitId, summitId), inArray(delegations.key, [...roles.delegateOf])))
          ).map((d) => d.id);
    const parts = await db
      .selectDistinct({ role: participants.role })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(
        and(
          eq(sessions.summitId, summitId),
          eq(sessions.kind, 'marketplace_consultation'),
          or(
            delegationIds.length ? inArray(participants.delegationId, delegationIds) : undefined,
            personIds.length ? inArray(participants.personId, personIds) : undefined,
          ),
        ),
      );
    for (const p of parts) {
      if (p.role === 'owner' || p.role === 'provider' || p.role === 'visitor')
        roles.marketplace[p.role] = true;
    }
  }
  return roles;
}

export type Grant = {
  id: number;
  userId: number;
  email: string;
  role: GrantedRole;
  delegation: string | null;
};

export async function listGrants(db: Executor, summitId: number): Promise<Grant[]> {
  const rows = await db
    .select({
      id: summitRoles.id,
      userId: summitRoles.userId,
      email: users.email,
      role: summitRoles.role,
      delegation: delegations.key,
    })
    .from(summitRoles)
    .innerJoin(users, eq(users.id, summitRoles.userId))
    .leftJoin(delegations, eq(delegations.id, summitRoles.delegationId))
    .where(eq(summitRoles.summitId, summitId))
    .orderBy(asc(summitRoles.id));
  return rows.map((r) => ({ ...r, role: r.role as GrantedRole }));
}

export async function insertGrant(
  db: Executor,
  g: { summitId: number; userId: number; role: GrantedRole; delegationId: number | null },
): Promise<number | null> {
  const rows = await db.insert(summitRoles).values(g).onConflictDoNothing().returning({ id: summitRoles.id });
  return rows[0]?.id ?? null;
}

export async function deleteGrant(db: Executor, summitId: number, id: number): Promise<Grant | null> {
  const [grant] = (await listGrants(db, summitId)).filter((g) => g.id === id);
  if (!grant) return null;
  await db.delete(summitRoles).where(and(eq(summitRoles.summitId, summitId), eq(summitRoles.id, id)));
  return grant;
}

/** Summits where a user has a granted role or is a person of the programme. */
export async function summitsOf(
  db: Executor,
  user: { userId: number; email: string },
): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .selectDistinct({ id: summits.id, slug: summits.slug, name: summits.name })
    .from(summits)
    .where(
      or(
        sql`exists (select 1 from ${summitRoles} where ${summitRoles.summitId} = ${summits.id} and ${summitRoles.userId} = ${user.userId})`,
        sql`exists (select 1 from ${people} where ${people.summitId} = ${summits.id} and lower(${people.email}) = ${user.email})`,
      ),
    )
    .orderBy(asc(summits.id));
}
