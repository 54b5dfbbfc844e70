// The proposals' tables. A proposal is read with where its session is (joined, so that `scheduled`
// follows the session wherever it is moved); whether the caller may do this was decided before.
import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { ProposalViewStatus } from '../../../shared/domain/proposals.ts';
import type { Executor } from '../../db/client.ts';
import { proposalComments, proposalOrganisers, proposals, rooms, sessions } from '../../db/schema.ts';

export type ProposalColumns = typeof proposals.$inferSelect;
export type Placement = { room: string; roomName: string; start: Date; end: Date };
export type ProposalRow = ProposalColumns & { sessionKey: string | null; placement: Placement | null };

const placed = sql`(${sessions.roomId} is not null and ${sessions.startAt} is not null)`;
/** The status a reader sees: an accepted proposal whose session has a room and a time is scheduled. */
export const viewStatus = sql<ProposalViewStatus>`case when ${proposals.status} = 'accepted' and ${placed} then 'scheduled' else ${proposals.status} end`;

const joined = {
  sessionKey: sessions.key,
  roomKey: rooms.key,
  roomName: rooms.name,
  startAt: sessions.startAt,
  endAt: sessions.endAt,
};
type Joined = {
  sessionKey: string | null;
  roomKey: string | null;
  roomName: string | null;
  startAt: Date | null;
  endAt: Date | null;
};
const placementOf = (j: Joined): Placement | null =>
  j.roomKey !== null && j.startAt !== null && j.endAt !== null
    ? { room: j.roomKey, roomName: j.roomName!, start: j.startAt, end: j.endAt }
    : null;

export async function findProposal(db: Executor, summitId: number, id: number): Promise<ProposalRow | null> {
  const [row] = await db
    .select({ p: proposals, ...joined })
    .from(proposals)
    .leftJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(proposals.summitId, summitId), eq(proposals.id, id)));
  return row ? { ...row.p, sessionKey: row.sessionKey, placement: placementOf(row) } : null;
}

/**
 * Takes the proposal's row lock, so that changes and steps of one proposal take turns; with
 * `withSession`, its session's row too (after the proposal's: the link cannot change meanwhile).
 */
export async function lockProposal(
  tx: Executor,
  summitId: number,
  id: number,
  opts: { withSession?: boolean } = {},
): Promise<boolean> {
  const [row] = await tx
    .select({ sessionId: proposals.sessionId })
    .from(proposals)
    .where(and(eq(proposals.summitId, summitId), eq(proposals.id, id)))
    .for('update');
  if (!row) return false;
  if (opts.withSession && row.sessionId !== null)
    await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, row.sessionId)).for('update');
  return true;
}

export async function insertProposal(tx: Executor, values: typeof proposals.$inferInsert): Promise<number> {
  const [row] = await tx.insert(proposals).values(values).returning({ id: proposals.id });
  return row!.id;
}

/** Changes a proposal's columns, raising its version. */
export async function updateProposal(
  tx: Executor,
  id: number,
  set: Partial<typeof proposals.$inferInsert>,
): Promise<void> {
  await tx
    .update(proposals)
    .set({ ...set, version: sql`${proposals.version} + 1`, updatedAt: sql`now()` })
    .where(eq(proposals.id, id));
}

// ---- who organises it ----

export async function isOrganiser(db: Executor, proposalId: number, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: proposalOrganisers.proposalId })
    .from(proposalOrganisers)
    .where(and(eq(proposalOrganisers.proposalId, proposalId), eq(proposalOrganisers.email, email)))
    .limit(1);
  return row !== undefined;
}

/** Makes the proposal's contact organisers exactly these addresses; the creator stays. */
export async function setContactOrganisers(
  tx: Executor,
  proposalId: number,
  emails: string[],
): Promise<void> {
  await tx
    .delete(proposalOrganisers)
    .where(and(eq(proposalOrganisers.proposalId, proposalId), eq(proposalOrganisers.via, 'contact')));
  const unique = [...new Set(emails)];
  if (unique.length)
    await tx
      .insert(proposalOrganisers)
      .values(unique.map((email) => ({ proposalId, email, via: 'contact' })));
}

export async function addCreator(tx: Executor, proposalId: number, email: string): Promise<void> {
  await tx.insert(proposalOrganisers).values({ proposalId, email, via: 'creator' }).onConflictDoNothing();
}

/** Addresses the creator's mail goes to besides the contacts: the creator's. */
export async function creatorEmail(db: Executor, proposalId: number): Promise<string | null> {
  const [row] = await db
    .select({ email: proposalOrganisers.email })
    .from(proposalOrganisers)
    .where(and(eq(proposalOrganisers.proposalId, proposalId), eq(proposalOrganisers.via, 'creator')));
  return row?.email ?? null;
}

/** Does the user organise any proposal of this summit? */
export async function organisesAny(db: Executor, summitId: number, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposalOrganisers)
    .innerJoin(proposals, eq(proposals.id, proposalOrganisers.proposalId))
    .where(and(eq(proposals.summitId, summitId), eq(proposalOrganisers.email, email)))
    .limit(1);
  return row !== undefined;
}

/** The organisations (not delegations) the summit's proposals name as organisers, as first written. */
export async function organisationNames(db: Executor, summitId: number): Promise<string[]> {
  const rows = await db
    .select({ organisers: sql<{ organisation?: string }[] | null>`${proposals.form}->'organisers'` })
    .from(proposals)
    .where(and(eq(proposals.summitId, summitId), sql`${proposals.organiserTags}::text like '%o:%'`));
  const names = new Map<string, string>();
  for (const r of rows)
    for (const o of r.organisers ?? []) {
      const name = o.organisation?.trim();
      if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

// ---- the review desk's list ----

export type ListFilter = {
  statuses?: readonly ProposalViewStatus[];
  formats?: readonly string[];
  day?: string;
  /** Any of these organiser tags ("d:MDA", "o:icmpd"). */
  organiserTags?: readonly string[];
  /** null: every proposal (the support unit); otherwise those this caller organises or reads. */
  visibleTo: { email: string | null; delegationTags: string[] } | null;
};

function where(summitId: number, f: ListFilter, withStatus: boolean): SQL | undefined {
  const visible = f.visibleTo && [
    f.visibleTo.email === null
      ? sql`false`
      : sql`exists (select 1 from ${proposalOrganisers} where ${proposalOrganisers.proposalId} = ${proposals.id} and ${proposalOrganisers.email} = ${f.visibleTo.email})`,
    // A delegation named as organiser reads a proposal once submitted (a draft is its authors' own).
    f.visibleTo.delegationTags.length
      ? sql`(${proposals.status} <> 'draft' and ${proposals.organiserTags} && ${textArray(f.visibleTo.delegationTags)})`
      : sql`false`,
  ];
  const statuses = withStatus ? f.statuses : undefined;
  const stored = statuses && [...new Set(statuses.map((s) => (s === 'scheduled' ? 'accepted' : s)))];
  return and(
    eq(proposals.summitId, summitId),
    visible ? sql`(${visible[0]} or ${visible[1]})` : undefined,
    stored ? inArray(proposals.status, stored) : undefined,
    statuses ? sql`${viewStatus} in ${statuses}` : undefined,
    f.formats ? inArray(proposals.format, [...f.formats]) : undefined,
    f.day ? sql`${proposals.preferredDays} @> array[${f.day}]::date[]` : undefined,
    f.organiserTags ? sql`${proposals.organiserTags} && ${textArray(f.organiserTags)}` : undefined,
  );
}
const textArray = (xs: readonly string[]) =>
  sql`array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

export type SummaryRow = {
  id: number;
  status: ProposalViewStatus;
  version: number;
  form: Record<string, unknown>;
  late: boolean;
  submittedAt: Date | null;
  updatedAt: Date;
  sessionKey: string | null;
  placement: Placement | null;
};

/** A page of the list, newest first, and whether more follow. */
export async function listProposals(
  db: Executor,
  summitId: number,
  filter: ListFilter,
  page: { limit: number; beforeId?: number },
): Promise<{ rows: SummaryRow[]; more: boolean }> {
  // The page first, on narrow rows; then the form's fields the list shows (not its long texts) for
  // that page alone, so that sorting never drags 2,000 forms along.
  const rows = await db
    .select({
      id: proposals.id,
      status: viewStatus,
      version: proposals.version,
      late: proposals.late,
      submittedAt: proposals.submittedAt,
      updatedAt: proposals.updatedAt,
      ...joined,
    })
    .from(proposals)
    .leftJoin(sessions, eq(sessions.id, proposals.sessionId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(where(summitId, filter, true), page.beforeId ? lt(proposals.id, page.beforeId) : undefined))
    .orderBy(desc(proposals.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const summary = sql<Record<string, unknown>>`jsonb_build_object(
    'title', ${proposals.form}->'title', 'durationMinutes', ${proposals.form}->'durationMinutes',
    'expectedAttendance', ${proposals.form}->'expectedAttendance', 'organisers', ${proposals.form}->'organisers',
    'preferredStarts', ${proposals.form}->'preferredStarts', 'format', ${proposals.form}->'format')`;
  const forms = shown.length
    ? await db
        .select({ id: proposals.id, form: summary })
        .from(proposals)
        .where(
          inArray(
            proposals.id,
            shown.map((r) => r.id),
          ),
        )
    : [];
  const formOf = new Map(forms.map((f) => [f.id, typeof f.form === 'string' ? JSON.parse(f.form) : f.form]));
  const out = shown.map((r) => ({
    id: r.id,
    status: r.status,
    version: r.version,
    form: formOf.get(r.id) ?? {},
    late: r.late,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
    sessionKey: r.sessionKey,
    placement: placementOf(r),
  }));
  return { rows: out, more: rows.length > page.limit };
}

/** How many proposals of each status the filters other than status select. */
export async function countByStatus(
  db: Executor,
  summitId: number,
  filter: ListFilter,
): Promise<Map<ProposalViewStatus, number>> {
  const rows = await db
    .select({ status: viewStatus, n: sql<number>`count(*)::int` })
    .from(proposals)
    .leftJoin(sessions, eq(sessions.id, proposals.sessionId))
    .where(where(summitId, filter, false))
    .groupBy(viewStatus);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// ---- comments ----

export type CommentRow = typeof proposalComments.$inferSelect;

export async function insertComment(
  tx: Executor,
  c: typeof proposalComments.$inferInsert,
): Promise<CommentRow> {
  const [row] = await tx.insert(proposalComments).values(c).returning();
  return row!;
}

export const listComments = (db: Executor, proposalId: number): Promise<CommentRow[]> =>
  db
    .select()
    .from(proposalComments)
    .where(eq(proposalComments.proposalId, proposalId))
    .orderBy(proposalComments.id);
