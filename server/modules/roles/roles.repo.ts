// The roles the support unit gave in a summit (core/roles.ts works out what they mean).
import { and, asc, eq } from 'drizzle-orm';
import type { GrantedRole } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import { delegations, summitRoles, users } from '../../db/schema.ts';

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
