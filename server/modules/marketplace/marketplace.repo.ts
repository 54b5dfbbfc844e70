// The Marketplace's tables: the only module file that speaks drizzle. Every function takes explicit
// ids; who may do it was decided before it got here.
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type {
  Assistance,
  ConsultationStatus,
  Outcome,
  PartyRole,
} from '../../../shared/domain/marketplace.ts';
import type { DelegationKind, Language } from '../../../shared/domain/vocabulary.ts';
import type { Grant, PersonOfUser } from '../../core/roles.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import { type Executor, fixedRows, resultRows } from '../../db/client.ts';
import {
  type auditLog,
  delegations,
  marketplaceConsultations as consultations,
  marketplaceNeeds as needs,
  marketplaceOffers as offers,
  marketplaceParties as parties,
  marketplaceSegments,
  marketplaceSettings,
  marketplaceTables,
  type outbox,
  people,
  rooms,
  segments,
  sessions,
  users,
} from '../../db/schema.ts';
import { push } from '../../../shared/domain/resolution/placement-rows.ts';

export type DelegationRef = { id: number; key: string; name: string; kind: DelegationKind; size: number };
export type SettingsRow = {
  slotMinutes: number;
  requestExpiryMinutes: number;
  capPerDelegation: number | null;
  tables: { id: number; key: string; name: string }[];
  segments: { id: number; key: string; title: string; start: number; end: number }[];
};

// ---- settings ----

export async function findSettings(db: Executor, summitId: number): Promise<SettingsRow | null> {
  // Three reads sent at once: one round trip's wait, not three.
  const [[row], tables, windows] = await Promise.all([
    db.select().from(marketplaceSettings).where(eq(marketplaceSettings.summitId, summitId)),
    db
      .select({ id: rooms.id, key: rooms.key, name: rooms.name })
      .from(marketplaceTables)
      .innerJoin(rooms, eq(rooms.id, marketplaceTables.roomId))
      .where(eq(marketplaceTables.summitId, summitId))
      .orderBy(asc(marketplaceTables.position)),
    db
      .select({
        id: segments.id,
        key: segments.key,
        title: segments.title,
        start: segments.startAt,
        end: segments.endAt,
      })
      .from(marketplaceSegments)
      .innerJoin(segments, eq(segments.id, marketplaceSegments.segmentId))
      .where(eq(marketplaceSegments.summitId, summitId))
      .orderBy(asc(marketplaceSegments.position)),
  ]);
  if (!row) return null;
  return {
    slotMinutes: row.slotMinutes,
    requestExpiryMinutes: row.requestExpiryMinutes,
    capPerDelegation: row.capPerDelegation,
    tables,
    segments: windows.map((w) => ({ ...w, start: w.start.getTime(), end: w.end.getTime() })),
  };
}

export async function saveSettings(
  tx: Executor,
  summitId: number,
  s: { slotMinutes: number; requestExpiryMinutes: number; capPerDelegation: number | null },
  tableIds: readonly number[],
  segmentIds: readonly number[],
): Promise<void> {
  await tx
    .insert(marketplaceSettings)
    .values({ summitId, ...s })
    .onConflictDoUpdate({ target: marketplaceSettings.summitId, set: s });
  await tx.delete(marketplaceTables).where(eq(marketplaceTables.summitId, summitId));
  await tx.delete(marketplaceSegments).where(eq(marketplaceSegments.summitId, summitId));
  if (tableIds.length)
    await tx
      .insert(marketplaceTables)
      .values(tableIds.map((roomId, position) => ({ summitId, roomId, position })));
  if (segmentIds.length)
    await tx
      .insert(marketplaceSegments)
      .values(segmentIds.map((segmentId, position) => ({ summitId, segmentId, position })));
}

/** Removes a summit's whole Marketplace (before its programme is replaced). */
export async function deleteMarketplace(tx: Executor, summitId: number): Promise<void> {
  for (const table of [parties, consultations, offers, needs, marketplaceSettings])
    await tx.delete(table).where(eq(table.summitId, summitId));
}

// ---- delegations ----

const delegationColumns = {
  id: delegations.id,
  key: delegations.key,
  name: delegations.name,
  kind: delegations.kind,
  size: delegations.size,
};

export async function delegationsByKey(
  db: Executor,
  summitId: number,
  keys?: readonly string[],
): Promise<DelegationRef[]> {
  if (keys && keys.length === 0) return [];
  const rows = await db
    .select(delegationColumns)
    .from(delegations)
    .where(and(eq(delegations.summitId, summitId), keys ? inArray(delegations.key, [...keys]) : undefined))
    .orderBy(asc(delegations.key));
  return rows as DelegationRef[];
}

/**
 * Locks delegation rows, in id order so that two bookings never wait on each other in a circle:
 * bookings that concern one delegation take turns, and each counts what the one before committed.
 */
export async function lockDelegations(tx: Executor, summitId: number, ids: readonly number[]): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  if (sorted.length === 0) return;
  await tx.execute(
    sql`select id from ${delegations} where summit_id = ${summitId} and id in (${sql.join(
      sorted.map((id) => sql`${id}`),
      sql`, `,
    )}) order by id for update`,
  );
}

/** E-mail addresses of a delegation's people. */
export async function addressesOf(db: Executor, delegationId: number): Promise<string[]> {
  const rows = await db
    .select({ email: people.email })
    .from(people)
    .where(and(eq(people.delegationId, delegationId), sql`${people.email} is not null`))
    .orderBy(asc(people.id));
  return [...new Set(rows.map((r) => r.email!.toLowerCase()))];
}

export async function userEmail(db: Executor, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

// ---- needs ----

export type NeedRow = {
  id: number;
  key: string;
  owner: DelegationRef;
  title: string;
  description: string | null;
  objectives: number[];
  sdgTargets: string[];
  assistance: Assistance[];
  providerTypes: DelegationKind[];
  consultations: number;
};
export type NeedFields = Omit<NeedRow, 'id' | 'owner' | 'consultations'> & { ownerId: number };
export type NeedFilter = {
  objectives?: number[];
  assistance?: string[];
  owner?: string;
  q?: string;
  key?: string;
};

/** Counts a need's consultations that hold or held a table: live requests (unexpired) and accepted ones. */
const needLiveCount = (now: Date) =>
  sql<number>`(select count(*)::int from ${consultations} c where c.need_id = ${needs.id}
    and (c.status = 'accepted' or (c.status = 'requested' and c.expires_at > ${now.toISOString()}::timestamptz)))`;

export async function listNeeds(
  db: Executor,
  summitId: number,
  f: NeedFilter,
  now: Date,
): Promise<NeedRow[]> {
  const rows = await db
    .select({ need: needs, owner: delegationColumns, consultations: needLiveCount(now) })
    .from(needs)
    .innerJoin(delegations, eq(delegations.id, needs.ownerId))
    .where(
      and(
        eq(needs.summitId, summitId),
        f.key !== undefined ? eq(needs.key, f.key) : undefined,
        f.owner !== undefined ? eq(delegations.key, f.owner) : undefined,
        f.objectives?.length
          ? sql`${needs.objectives} && array[${sql.join(
              f.objectives.map((o) => sql`${o}`),
              sql`, `,
            )}]::integer[]`
          : undefined,
        f.assistance?.length
          ? sql`${needs.assistance} && array[${sql.join(
              f.assistance.map((a) => sql`${a}`),
              sql`, `,
            )}]::text[]`
          : undefined,
        f.q
          ? sql`(${needs.title} ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`} or coalesce(${needs.description}, '') ilike ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`})`
          : undefined,
      ),
    )
    .orderBy(asc(needs.id));
  return rows.map((r) => ({
    id: r.need.id,
    key: r.need.key,
    owner: r.owner as DelegationRef,
    title: r.need.title,
    description: r.need.description,
    objectives: r.need.objectives,
    sdgTargets: r.need.sdgTargets,
    assistance: r.need.assistance as Assistance[],
    providerTypes: r.need.providerTypes as DelegationKind[],
    consultations: r.consultations,
  }));
}

export async function findNeed(
  db: Executor,
  summitId: number,
  key: string,
  now: Date,
): Promise<NeedRow | null> {
  return (await listNeeds(db, summitId, { key }, now))[0] ?? null;
}

export async function insertNeeds(
  tx: Executor,
  summitId: number,
  rows: readonly NeedFields[],
): Promise<void> {
  if (rows.length) await tx.insert(needs).values(rows.map((r) => ({ summitId, ...r })));
}

export async function updateNeed(tx: Executor, id: number, fields: NeedFields): Promise<void> {
  await tx
    .update(needs)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(needs.id, id));
}

export async function deleteNeed(tx: Executor, id: number): Promise<void> {
  await tx
    .delete(parties)
    .where(
      inArray(
        parties.consultationId,
        tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.needId, id)),
      ),
    );
  await tx.delete(consultations).where(eq(consultations.needId, id));
  await tx.delete(needs).where(eq(needs.id, id));
}

// ---- offers ----

export type OfferRow = {
  id: number;
  provider: DelegationRef;
  title: string;
  description: string | null;
  objectives: number[];
  assistance: Assistance[];
};
export type OfferFields = Omit<OfferRow, 'id' | 'provider'> & { providerId: number };

export async function listOffers(
  db: Executor,
  summitId: number,
  f: { objectives?: number[]; assistance?: string[]; provider?: string; id?: number },
): Promise<OfferRow[]> {
  const rows = await db
    .select({ offer: offers, provider: delegationColumns })
    .from(offers)
    .innerJoin(delegations, eq(delegations.id, offers.providerId))
    .where(
      and(
        eq(offers.summitId, summitId),
        f.id !== undefined ? eq(offers.id, f.id) : undefined,
        f.provider !== undefined ? eq(delegations.key, f.provider) : undefined,
        f.objectives?.length
          ? sql`${offers.objectives} && array[${sql.join(
              f.objectives.map((o) => sql`${o}`),
              sql`, `,
            )}]::integer[]`
          : undefined,
        f.assistance?.length
          ? sql`${offers.assistance} && array[${sql.join(
              f.assistance.map((a) => sql`${a}`),
              sql`, `,
            )}]::text[]`
          : undefined,
      ),
    )
    .orderBy(asc(offers.id));
  return rows.map((r) => ({
    id: r.offer.id,
    provider: r.provider as DelegationRef,
    title: r.offer.title,
    description: r.offer.description,
    objectives: r.offer.objectives,
    assistance: r.offer.assistance as Assistance[],
  }));
}

export async function insertOffer(tx: Executor, summitId: number, fields: OfferFields): Promise<number> {
  const [row] = await tx
    .insert(offers)
    .values({ summitId, ...fields })
    .returning({ id: offers.id });
  return row!.id;
}

export async function updateOffer(tx: Executor, id: number, fields: OfferFields): Promise<void> {
  await tx
    .update(offers)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(offers.id, id));
}

export async function deleteOffer(tx: Executor, id: number): Promise<void> {
  await tx.delete(offers).where(eq(offers.id, id));
}

// ---- consultations ----

export type ConsultationRow = {
  id: number;
  needId: number;
  needKey: string;
  needTitle: string;
  owner: DelegationRef;
  /** The table and the slot; all null for a request that leaves its slot to the support unit. */
  roomId: number | null;
  room: string | null;
  roomName: string | null;
  start: number | null;
  end: number | null;
  status: ConsultationStatus;
  requestedByUserId: number | null;
  requestedBy: string;
  expiresAt: number;
  sessionId: number | null;
  session: string | null;
  outcome: Outcome | null;
  fundingSources: string[];
  outcomeNote: string | null;
  createdAt: number;
  updatedAt: number;
  parties: { delegation: DelegationRef; role: PartyRole }[];
};

export type ConsultationFilter = {
  id?: number;
  needId?: number;
  status?: ConsultationStatus;
  /** Consultations these delegations own (the need's owner) or take part in. */
  delegationIds?: readonly number[];
  /**
   * Live ones (requested and not expired at `now`, or accepted) overlapping [from, to), and those
   * still waiting for a slot (they hold no time, but count against a delegation's cap).
   */
  liveDuring?: { from: number; to: number; now: number };
};

export async function listConsultations(
  db: Executor,
  summitId: number,
  f: ConsultationFilter,
): Promise<ConsultationRow[]> {
  const ids = f.delegationIds;
  if (ids && ids.length === 0) return [];
  const inIds = (column: unknown) =>
    sql`${column} in (${sql.join(
      (ids ?? []).map((id) => sql`${id}`),
      sql`, `,
    )})`;
  const rows = await db
    .select({
      c: consultations,
      needKey: needs.key,
      needTitle: needs.title,
      owner: delegationColumns,
      room: rooms.key,
      roomName: rooms.name,
      session: sessions.key,
    })
    .from(consultations)
    .innerJoin(needs, eq(needs.id, consultations.needId))
    .innerJoin(delegations, eq(delegations.id, needs.ownerId))
    .leftJoin(rooms, eq(rooms.id, consultations.roomId))
    .leftJoin(sessions, eq(sessions.id, consultations.sessionId))
    .where(
      and(
        eq(consultations.summitId, summitId),
        f.id !== undefined ? eq(consultations.id, f.id) : undefined,
        f.needId !== undefined ? eq(consultations.needId, f.needId) : undefined,
        f.status !== undefined ? eq(consultations.status, f.status) : undefined,
        ids
          ? or(
              inIds(needs.ownerId),
              sql`exists (select 1 from ${parties} p where p.consultation_id = ${consultations.id} and ${inIds(sql`p.delegation_id`)})`,
            )
          : undefined,
        f.liveDuring
          ? and(
              or(
                isNull(consultations.startAt),
                and(
                  lt(consultations.startAt, new Date(f.liveDuring.to)),
                  gt(consultations.endAt, new Date(f.liveDuring.from)),
                ),
              ),
              or(
                eq(consultations.status, 'accepted'),
                and(
                  eq(consultations.status, 'requested'),
                  gt(consultations.expiresAt, new Date(f.liveDuring.now)),
                ),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(consultations.startAt), asc(consultations.id));
  const partyRows = rows.length
    ? await db
        .select({ consultationId: parties.consultationId, role: parties.role, delegation: delegationColumns })
        .from(parties)
        .innerJoin(delegations, eq(delegations.id, parties.delegationId))
        .where(
          inArray(
            parties.consultationId,
            rows.map((r) => r.c.id),
          ),
        )
        .orderBy(asc(parties.createdAt), asc(delegations.key))
    : [];
  return rows.map((r) => ({
    id: r.c.id,
    needId: r.c.needId,
    needKey: r.needKey,
    needTitle: r.needTitle,
    owner: r.owner as DelegationRef,
    roomId: r.c.roomId,
    room: r.room,
    roomName: r.roomName,
    start: r.c.startAt?.getTime() ?? null,
    end: r.c.endAt?.getTime() ?? null,
    status: r.c.status as ConsultationStatus,
    requestedByUserId: r.c.requestedByUserId,
    requestedBy: r.c.requestedBy,
    expiresAt: r.c.expiresAt.getTime(),
    sessionId: r.c.sessionId,
    session: r.session,
    outcome: r.c.outcome as Outcome | null,
    fundingSources: r.c.fundingSources,
    outcomeNote: r.c.outcomeNote,
    createdAt: r.c.createdAt.getTime(),
    updatedAt: r.c.updatedAt.getTime(),
    parties: partyRows
      .filter((p) => p.consultationId === r.c.id)
      .map((p) => ({ delegation: p.delegation as DelegationRef, role: p.role as PartyRole })),
  }));
}

export async function findConsultation(
  db: Executor,
  summitId: number,
  id: number,
): Promise<ConsultationRow | null> {
  return (await listConsultations(db, summitId, { id }))[0] ?? null;
}

export async function lockConsultation(tx: Executor, summitId: number, id: number): Promise<boolean> {
  const rows = await tx.execute(
    sql`select id from ${consultations} where summit_id = ${summitId} and id = ${id} for update`,
  );
  return resultRows(rows).length > 0;
}

export async function insertConsultation(
  tx: Executor,
  summitId: number,
  c: {
    needId: number;
    /** All three null: a request that leaves its slot to the support unit's schedule. */
    roomId: number | null;
    start: number | null;
    end: number | null;
    requestedByUserId: number | null;
    requestedBy: string;
    expiresAt: number;
  },
): Promise<number> {
  const [row] = await tx
    .insert(consultations)
    .values({
      summitId,
      needId: c.needId,
      roomId: c.roomId,
      startAt: c.start === null ? null : new Date(c.start),
      endAt: c.end === null ? null : new Date(c.end),
      requestedByUserId: c.requestedByUserId,
      requestedBy: c.requestedBy,
      expiresAt: new Date(c.expiresAt),
    })
    .returning({ id: consultations.id });
  return row!.id;
}

export async function insertParty(
  tx: Executor,
  summitId: number,
  consultationId: number,
  delegationId: number,
  role: PartyRole,
): Promise<void> {
  await tx.insert(parties).values({ summitId, consultationId, delegationId, role });
}

export async function updateConsultation(
  tx: Executor,
  id: number,
  set: Partial<{
    status: ConsultationStatus;
    sessionId: number | null;
    outcome: Outcome;
    fundingSources: string[];
    outcomeNote: string | null;
    /** The slot the support unit's schedule gives a request that left it open. */
    roomId: number;
    startAt: Date;
    endAt: Date;
  }>,
): Promise<void> {
  await tx
    .update(consultations)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(consultations.id, id));
}

/** Live consultations (unexpired requests and accepted ones) a delegation owns or takes part in as provider. */
export async function liveCount(
  db: Executor,
  summitId: number,
  delegationId: number,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .innerJoin(needs, eq(needs.id, consultations.needId))
    .where(
      and(
        eq(consultations.summitId, summitId),
        or(
          eq(consultations.status, 'accepted'),
          and(eq(consultations.status, 'requested'), gt(consultations.expiresAt, now)),
        ),
        or(
          eq(needs.ownerId, delegationId),
          sql`exists (select 1 from ${parties} p where p.consultation_id = ${consultations.id} and p.delegation_id = ${delegationId} and p.role = 'provider')`,
        ),
      ),
    );
  return row?.n ?? 0;
}

/** What the report counts: held consultations with their outcome, need objectives and provider kinds. */
export async function heldConsultations(db: Executor, summitId: number) {
  return db
    .select({
      id: consultations.id,
      outcome: consultations.outcome,
      objectives: needs.objectives,
      kinds: sql<
        string[]
      >`coalesce((select array_agg(distinct d.kind order by d.kind) from ${parties} p join ${delegations} d on d.id = p.delegation_id where p.consultation_id = ${consultations.id} and p.role = 'provider'), '{}')`,
    })
    .from(consultations)
    .innerJoin(needs, eq(needs.id, consultations.needId))
    .where(and(eq(consultations.summitId, summitId), eq(consultations.status, 'accepted')));
}

/** Ids of rooms or segments by key. */
export async function idsByKey(
  db: Executor,
  summitId: number,
  list: 'rooms' | 'segments',
  keys: readonly string[],
): Promise<{ id: number; key: string }[]> {
  if (keys.length === 0) return [];
  const table = list === 'rooms' ? rooms : segments;
  return db
    .select({ id: table.id, key: table.key })
    .from(table)
    .where(and(eq(table.summitId, summitId), inArray(table.key, [...keys])));
}

/**
 * How many live consultations (requested and not expired at `now`, or accepted; slotless ones
 * included) each of these delegations owns or provides for: what the cap counts.
 */
export async function countLive(
  db: Executor,
  summitId: number,
  delegationIds: readonly number[],
  now: number,
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (delegationIds.length === 0) return counts;
  const live = and(
    eq(consultations.summitId, summitId),
    or(
      eq(consultations.status, 'accepted'),
      and(eq(consultations.status, 'requested'), gt(consultations.expiresAt, new Date(now))),
    ),
  );
  const [owned, provided] = await Promise.all([
    db
      .select({ id: needs.ownerId, n: sql<number>`count(*)::int` })
      .from(consultations)
      .innerJoin(needs, eq(needs.id, consultations.needId))
      .where(and(live, inArray(needs.ownerId, [...delegationIds])))
      .groupBy(needs.ownerId),
    db
      .select({ id: parties.delegationId, n: sql<number>`count(*)::int` })
      .from(consultations)
      .innerJoin(parties, eq(parties.consultationId, consultations.id))
      .where(and(live, eq(parties.role, 'provider'), inArray(parties.delegationId, [...delegationIds])))
      .groupBy(parties.delegationId),
  ]);
  for (const r of [...owned, ...provided]) counts.set(r.id, (counts.get(r.id) ?? 0) + Number(r.n));
  return counts;
}

/** A booking, as `marketplace_book` (drizzle/0011, 0016) takes it. */
export type Booking = {
  id: number;
  summitId: number;
  needId: number;
  roomId: number;
  start: number;
  end: number;
  now: number;
  expiresAt: number;
  providerId: number;
  /** The delegations to check, in the order their refusals are reported. */
  check: readonly { id: number; size: number }[];
  cap: number | null;
  presenceRoles: readonly string[];
  requestedByUserId: number | null;
  requestedBy: string;
  audit: typeof auditLog.$inferInsert;
  /**
   * The owner's mail; null asks whether the booking would be made: one that passes every check is
   * then not written but answered `{ unwritten: true }`.
   */
  mails: readonly (typeof outbox.$inferInsert)[] | null;
  /** The span whose commitments a refusal brings back, for the alternatives it offers; null: none. */
  offer: { from: number; to: number } | null;
};

/** What a refusal brings back for the alternatives (when the booking gave an `offer` span). */
export type OfferFacts = {
  /** Each party's commitments in the span: [delegation id, title, start ms, end ms]. */
  commitments?: [number, string, number, number][];
  /** Each party's live consultations (under a cap), by delegation id. */
  live?: Record<string, number>;
};

export type BookingAnswer =
  | { ok: true }
  | { unwritten: true }
  | ({ refused: 'table' } & OfferFacts)
  | ({ refused: 'hosts'; title: string } & OfferFacts)
  | ({ refused: 'cap'; delegation: number } & OfferFacts)
  | ({ refused: 'over'; delegation: number; titles: string[] } & OfferFacts);

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Checks, locks and writes a booking in one statement (one round trip): the function refuses with
 * the first reason found (a lost race at the table included), bringing back the parties'
 * commitments in `offer`'s span, or writes the consultation, its provider, the audit line and the
 * mail.
 */
export async function book(db: Executor, b: Booking): Promise<BookingAnswer> {
  const p = {
    id: b.id,
    summit: b.summitId,
    need: b.needId,
    room: b.roomId,
    start: iso(b.start),
    end: iso(b.end),
    now: iso(b.now),
    expires: iso(b.expiresAt),
    provider: b.providerId,
    delegations: b.check,
    cap: b.cap,
    presence: b.presenceRoles,
    userId: b.requestedByUserId,
    requestedBy: b.requestedBy,
    audit: {
      summit_id: b.audit.summitId ?? null,
      summit_slug: b.audit.summitSlug ?? null,
      actor: b.audit.actor,
      action: b.audit.action,
      entity: b.audit.entity,
      entity_key: b.audit.entityKey ?? null,
      after: b.audit.after ?? null,
    },
    offer: b.offer && { from: iso(b.offer.from), to: iso(b.offer.to) },
    mails: b.mails?.map((m) => ({
      message_id: m.messageId,
      summit_id: m.summitId ?? null,
      kind: m.kind,
      recipient: m.recipient,
      subject: m.subject,
      body_text: m.bodyText,
      body_html: m.bodyHtml ?? null,
      ical: m.ical ?? null,
      ical_method: m.icalMethod ?? null,
      secret: m.secret ?? false,
      status: m.status,
    })),
  };
  const [row] = await fixedRows<{ answer: BookingAnswer }>(
    db,
    'select marketplace_book($1::jsonb) as answer',
    [JSON.stringify(p)],
  );
  return row!.answer;
}

/**
 * When each table is taken at `now`: its live consultations, and the other sessions held in its room
 * (a live consultation's own session is the consultation). Three numbers a row, for the whole
 * Marketplace in one read.
 */
export async function tableOccupancy(
  db: Executor,
  summitId: number,
  tableIds: readonly number[],
  now: number,
): Promise<{ roomId: number; start: number; end: number }[]> {
  if (tableIds.length === 0) return [];
  const at = iso(now);
  const live = sql`(c.status = 'accepted' or (c.status = 'requested' and c.expires_at > ${at}::timestamptz))`;
  const rows = await db.execute<{ room: number; a: number; b: number }>(sql`
    select c.room_id as room, (extract(epoch from c.start_at) * 1000)::float8 as a,
           (extract(epoch from c.end_at) * 1000)::float8 as b
    from ${consultations} c
    where c.summit_id = ${summitId} and c.room_id is not null and ${live}
    union all
    select x.room_id, (extract(epoch from x.start_at) * 1000)::float8, (extract(epoch from x.end_at) * 1000)::float8
    from ${sessions} x
    where x.summit_id = ${summitId} and x.start_at is not null and x.end_at is not null
      and x.room_id = any(${`{${tableIds.join(',')}}`}::int[])
      and not exists (select 1 from ${consultations} c where c.session_id = x.id and ${live})`);
  return resultRows<{ room: number; a: number; b: number }>(rows).map((r) => ({
    roomId: r.room,
    start: Number(r.a),
    end: Number(r.b),
  }));
}

/** What a booking needs to know before it is made, read in one round trip. */
export type BookingFacts = {
  need: { id: number; key: string; title: string; owner: DelegationRef } | null;
  /** The owner delegation's people's addresses (lower case, each once), to tell them of the request. */
  ownerAddresses: string[];
  /** The languages known for those addresses (the others read the summit's). */
  ownerLanguages: Record<string, Language>;
  settings: SettingsRow | null;
  /** The id the consultation will take, drawn from its sequence when asked for (`withId`). */
  id: number | null;
};

export type NeedRef = NonNullable<BookingFacts['need']>;

/** The facts as read: the id drawn from a bigint sequence comes as a number or as text. */
const factsOf = (facts: BookingFacts): BookingFacts => ({
  ...facts,
  id: facts.id === null ? null : Number(facts.id),
});

/**
 * The booking's facts, in parts (after contextOf's, whose `s` is the summit): the need ($4) with its
 * owner, the owner's addresses, the settings and, when $5 is true, a new consultation id.
 */
const FACTS_CTES = `
  need as (
    select n.id, n.key, n.title,
      json_build_object('id', d.id, 'key', d.key, 'name', d.name, 'kind', d.kind, 'size', d.size) as owner,
      d.id as owner_id
    from marketplace_needs n join delegations d on d.id = n.owner_id
    where n.summit_id = (select id from s) and n.key = $4),
  -- Each address once, with the language its mail is written in when one is known: the account's
  -- choice, else the person's (mail.service's languagesOf, read here to keep the booking's count).
  owners as (
    select lower(p.email) as e, min(p.id) as first,
      coalesce(max(u.language), (array_agg(p.language order by p.id) filter (where p.language is not null))[1]) as language
    from people p left join users u on u.email = lower(p.email)
    where p.delegation_id = (select owner_id from need) and p.email is not null
    group by lower(p.email))`;
const FACTS_JSON = `json_build_object(
    'need', (select json_build_object('id', id, 'key', key, 'title', title, 'owner', owner) from need),
    'ownerAddresses', coalesce((select json_agg(e order by first) from owners), '[]'::json),
    'ownerLanguages', coalesce((select json_object_agg(e, language) from owners where language is not null), '{}'::json),
    'settings', (select json_build_object(
        'slotMinutes', ms.slot_minutes,
        'requestExpiryMinutes', ms.request_expiry_minutes,
        'capPerDelegation', ms.cap_per_delegation,
        'tables', coalesce((select json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by t.position)
            from marketplace_tables t join rooms r on r.id = t.room_id where t.summit_id = ms.summit_id), '[]'::json),
        'segments', coalesce((select json_agg(json_build_object('id', g.id, 'key', g.key, 'title', g.title,
              'start', (extract(epoch from g.start_at) * 1000)::float8, 'end', (extract(epoch from g.end_at) * 1000)::float8)
              order by m.position)
            from marketplace_segments m join segments g on g.id = m.segment_id where m.summit_id = ms.summit_id), '[]'::json))
      from marketplace_settings ms where ms.summit_id = (select id from s)),
    'id', case when $5::boolean then nextval(pg_get_serial_sequence('marketplace_consultations', 'id')) end
  )`;

/**
 * What each of these delegations is committed to during [from, to) at `now`, as the conflict rules
 * count it (`marketplace_commitments`, drizzle/0011: the same rule a booking is checked by).
 */
export async function commitmentsOf(
  db: Executor,
  delegationIds: readonly number[],
  during: { from: number; to: number },
  now: number,
  presenceRoles: readonly string[],
): Promise<Map<number, { title: string; start: number; end: number }[]>> {
  const byDelegation = new Map<number, { title: string; start: number; end: number }[]>();
  if (delegationIds.length === 0) return byDelegation;
  const rows = await db.execute<{ d: number; title: string; a: number; b: number }>(sql`
    select d, c.title, (extract(epoch from c.a) * 1000)::float8 as a, (extract(epoch from c.b) * 1000)::float8 as b
    from unnest(${`{${delegationIds.join(',')}}`}::int[]) as d,
      lateral marketplace_commitments(d, ${iso(during.from)}::timestamptz, ${iso(during.to)}::timestamptz,
        ${iso(now)}::timestamptz, ${`{${presenceRoles.join(',')}}`}::text[]) c
    order by c.session nulls last, c.a, c.request`);
  for (const r of resultRows<{ d: number; title: string; a: number; b: number }>(rows)) {
    push(byDelegation, r.d, { title: r.title, start: Number(r.a), end: Number(r.b) });
  }
  return byDelegation;
}

/** What opening the Marketplace for a caller reads, in one round trip (marketplace.context.ts). */
export type ContextRow = {
  summit: SummitRecord | null;
  grants: Grant[];
  people: PersonOfUser[];
  /** The delegations the caller belongs to (granted delegate or focal point, or as a person). */
  mine: DelegationRef[];
};

export async function contextOf(
  db: Executor,
  slug: string,
  user: { userId: number; email: string } | null,
): Promise<ContextRow> {
  const userId = user?.userId ?? -1;
  const email = user?.email ?? '';
  const [row] = await fixedRows<{ context: ContextRow }>(db, CONTEXT, [slug, userId, email]);
  return row!.context;
}

/** contextOf's parts: $1 the summit's slug, $2 the caller's user id (-1: none), $3 their address. */
const CONTEXT_CTES = `
  s as (select * from summits where slug = $1),
  g as (select r.role, d.key as delegation, d.id as delegation_id
    from summit_roles r left join delegations d on d.id = r.delegation_id
    where r.summit_id = (select id from s) and r.user_id = $2),
  p as (select pe.key, d.key as delegation, d.id as delegation_id
    from people pe left join delegations d on d.id = pe.delegation_id
    where pe.summit_id = (select id from s) and lower(pe.email) = $3 and $3 <> '')`;
const CONTEXT_JSON = `json_build_object(
    'summit', (select json_build_object('id', id, 'slug', slug, 'name', name, 'theme', theme, 'venue', venue,
        'timeZone', time_zone, 'startDate', start_date, 'endDate', end_date,
        'proposalDeadline', (extract(epoch from proposal_deadline) * 1000)::float8,
        'travelMinutes', travel_minutes, 'language', language) from s),
    'grants', coalesce((select json_agg(json_build_object('role', role, 'delegation', delegation)) from g), '[]'::json),
    'people', coalesce((select json_agg(json_build_object('key', key, 'delegation', delegation)) from p), '[]'::json),
    'mine', coalesce((select json_agg(json_build_object('id', d.id, 'key', d.key, 'name', d.name, 'kind', d.kind,
          'size', d.size) order by d.key)
        from delegations d where d.summit_id = (select id from s) and (
          d.id in (select delegation_id from g where role in ('delegate', 'focal_point'))
          or d.id in (select delegation_id from p))), '[]'::json)
  )`;

/** contextOf's statement. */
const CONTEXT = `with ${CONTEXT_CTES} select ${CONTEXT_JSON} as context`;

/** contextAndFacts' statement: contextOf's, then $4 the need's key, $5 whether to draw an id. */
const CONTEXT_AND_FACTS = `with ${CONTEXT_CTES}, ${FACTS_CTES}
  select ${CONTEXT_JSON} as context, ${FACTS_JSON} as facts`;

/**
 * contextOf and the booking's facts in one round trip, for a booking (which asks both on every request of a
 * rush). The facts are read whoever asks; the caller uses them only once the context admits them.
 */
export async function contextAndFacts(
  db: Executor,
  slug: string,
  user: { userId: number; email: string } | null,
  needKey: string,
  withId: boolean,
): Promise<{ context: ContextRow; facts: BookingFacts }> {
  const [row] = await fixedRows<{ context: ContextRow; facts: BookingFacts }>(db, CONTEXT_AND_FACTS, [
    slug,
    user?.userId ?? -1,
    user?.email ?? '',
    needKey,
    withId,
  ]);
  return { context: row!.context, facts: factsOf(row!.facts) };
}
