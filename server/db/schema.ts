// The database: one summit owns everything below it. Composite foreign keys (summit_id, x_id) make
// it impossible for a session of one summit to sit in another summit's room. Kinds are text with
// CHECK constraints rather than enums, so that adding a kind is a one-line migration.
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  DELEGATION_KINDS,
  EQUIPMENT,
  GRANTED_ROLES,
  LANGUAGES,
  ROLES,
  SEGMENT_KINDS,
  SESSION_KINDS,
  SESSION_STATUSES,
} from '../../shared/schemas/enums.ts';
import { PROPOSAL_FORMATS, PROPOSAL_STATUSES } from '../../shared/domain/proposals.ts';
import { RSVP_ANSWERS } from '../../shared/schemas/invites.ts';
import { ASSISTANCE, CONSULTATION_STATUSES, OUTCOMES, PARTY_ROLES } from '../../shared/domain/marketplace.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const oneOf = (column: SQL, values: readonly string[]) =>
  sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
const allOf = (column: SQL, values: readonly string[]) =>
  sql`${column} <@ array[${sql.raw(values.map((v) => `'${v}'`).join(', '))}]::text[]`;

export const summits = pgTable(
  'summits',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    theme: text('theme').notNull().default(''),
    venue: text('venue').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    proposalDeadline: instant('proposal_deadline'),
    travelMinutes: integer('travel_minutes').notNull().default(10),
    /** The language of its messages to people who chose none. */
    language: text('language').notNull().default('en'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('summits_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('summits_travel', sql`${t.travelMinutes} >= 0`),
    check('summits_language', oneOf(sql`${t.language}`, LANGUAGES)),
  ],
);

const summitId = () =>
  integer('summit_id')
    .notNull()
    .references(() => summits.id, { onDelete: 'cascade' });

export const rooms = pgTable(
  'rooms',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    building: text('building'),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    microphones: integer('microphones').notNull().default(0),
    changeoverMinutes: integer('changeover_minutes').notNull().default(0),
  },
  (t) => [
    unique('rooms_key').on(t.summitId, t.key),
    unique('rooms_summit_id').on(t.summitId, t.id),
    check('rooms_capacity', sql`${t.capacity} >= 0`),
    check('rooms_microphones', sql`${t.microphones} >= 0`),
    check('rooms_changeover', sql`${t.changeoverMinutes} >= 0`),
    check('rooms_equipment', allOf(sql`${t.equipment}`, EQUIPMENT)),
  ],
);

export const segments = pgTable(
  'segments',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
  },
  (t) => [
    unique('segments_key').on(t.summitId, t.key),
    unique('segments_summit_id').on(t.summitId, t.id),
    check('segments_kind', oneOf(sql`${t.kind}`, SEGMENT_KINDS)),
    check('segments_time', sql`${t.endAt} > ${t.startAt}`),
  ],
);

export const delegations = pgTable(
  'delegations',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [
    unique('delegations_key').on(t.summitId, t.key),
    unique('delegations_summit_id').on(t.summitId, t.id),
    check('delegations_kind', oneOf(sql`${t.kind}`, DELEGATION_KINDS)),
    check('delegations_size', sql`${t.size} >= 0`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    delegationId: integer('delegation_id'),
    title: text('title'),
    /** Null: the summit's language. */
    language: text('language'),
  },
  (t) => [
    check('people_language', oneOf(sql`${t.language}`, LANGUAGES)),
    unique('people_key').on(t.summitId, t.key),
    unique('people_summit_id').on(t.summitId, t.id),
    foreignKey({
      name: 'people_delegation',
      columns: [t.summitId, t.delegationId],
      foreignColumns: [delegations.summitId, delegations.id],
    }),
    index('people_email').on(sql`lower(${t.email})`),
    // A delegation's people: whose sessions commit it (the Marketplace's booking check).
    index('people_delegation').on(t.delegationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    segmentId: integer('segment_id'),
    roomId: integer('room_id'),
    startAt: instant('start_at'),
    endAt: instant('end_at'),
    durationMinutes: integer('duration_minutes').notNull(),
    // Hints for placement, as UTC ISO strings; never queried by time.
    preferredStarts: jsonb('preferred_starts').$type<string[]>().notNull().default([]),
    expectedAttendance: integer('expected_attendance'),
    equipment: text('equipment').array().notNull().default(sql`'{}'::text[]`),
    microphones: integer('microphones'),
    pinned: boolean('pinned').notNull().default(false),
    status: text('status').notNull().default('draft'),
    // ISO 639-1 codes: held in, and interpreted into.
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    interpretation: text('interpretation').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('sessions_key').on(t.summitId, t.key),
    unique('sessions_summit_id').on(t.summitId, t.id),
    foreignKey({
      name: 'sessions_segment',
      columns: [t.summitId, t.segmentId],
      foreignColumns: [segments.summitId, segments.id],
    }),
    foreignKey({
      name: 'sessions_room',
      columns: [t.summitId, t.roomId],
      foreignColumns: [rooms.summitId, rooms.id],
    }),
    index('sessions_start').on(t.summitId, t.startAt),
    // What a room holds at a time (the Marketplace's tables).
    index('sessions_room').on(t.roomId, t.startAt),
    check('sessions_kind', oneOf(sql`${t.kind}`, SESSION_KINDS)),
    check('sessions_status', oneOf(sql`${t.status}`, SESSION_STATUSES)),
    check('sessions_time_pair', sql`(${t.startAt} is null) = (${t.endAt} is null)`),
    check('sessions_time', sql`${t.endAt} > ${t.startAt}`),
    check('sessions_duration', sql`${t.durationMinutes} > 0`),
    check('sessions_attendance', sql`${t.expectedAttendance} >= 0`),
    check('sessions_microphones', sql`${t.microphones} >= 0`),
    check('sessions_equipment', allOf(sql`${t.equipment}`, EQUIPMENT)),
  ],
);

export const participants = pgTable(
  'session_participants',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    sessionId: integer('session_id').notNull(),
    personId: integer('person_id'),
    delegationId: integer('delegation_id'),
    role: text('role').notNull(),
    /** False: a request naming another delegation or its people, not confirmed yet; it commits nobody. */
    confirmed: boolean('confirmed').notNull().default(true),
  },
  (t) => [
    foreignKey({
      name: 'participants_session',
      columns: [t.summitId, t.sessionId],
      foreignColumns: [sessions.summitId, sessions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'participants_person',
      columns: [t.summitId, t.personId],
      foreignColumns: [people.summitId, people.id],
    }),
    foreignKey({
      name: 'participants_delegation',
      columns: [t.summitId, t.delegationId],
      foreignColumns: [delegations.summitId, delegations.id],
    }),
    index('participants_session').on(t.sessionId),
    index('participants_person').on(t.personId),
    index('participants_delegation').on(t.delegationId),
    uniqueIndex('participants_person_role')
      .on(t.sessionId, t.personId, t.role)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('participants_delegation_role')
      .on(t.sessionId, t.delegationId, t.role)
      .where(sql`${t.delegationId} is not null`),
    check('participants_one', sql`num_nonnulls(${t.personId}, ${t.delegationId}) = 1`),
    check('participants_role', oneOf(sql`${t.role}`, ROLES)),
  ],
);

// ---- accounts, roles, mail and audit ----

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    // Always stored lower-cased: addresses are compared case-insensitively.
    email: text('email').notNull().unique(),
    isAdmin: boolean('is_admin').notNull().default(false),
    /** The language they chose for themselves (PATCH /api/auth/me); null: their summits' choice. */
    language: text('language'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_language', oneOf(sql`${t.language}`, LANGUAGES)),
  ],
);

/** Roles the support unit gave; roles that follow from the programme (a person's delegation, an organiser) are derived. */
export const summitRoles = pgTable(
  'summit_roles',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    delegationId: integer('delegation_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'summit_roles_delegation',
      columns: [t.summitId, t.delegationId],
      foreignColumns: [delegations.summitId, delegations.id],
    }).onDelete('cascade'),
    uniqueIndex('summit_roles_unique').on(t.summitId, t.userId, t.role, sql`coalesce(${t.delegationId}, 0)`),
    index('summit_roles_user').on(t.userId),
    check('summit_roles_role', oneOf(sql`${t.role}`, GRANTED_ROLES)),
    check(
      'summit_roles_delegation_needed',
      sql`(${t.role} in ('focal_point', 'delegate')) = (${t.delegationId} is not null)`,
    ),
  ],
);

export const signInLinks = pgTable(
  'sign_in_links',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    ip: text('ip').notNull(),
    next: text('next'),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [
    index('sign_in_links_email').on(t.email, t.createdAt),
    index('sign_in_links_ip').on(t.ip, t.createdAt),
  ],
);

export const authSessions = pgTable(
  'auth_sessions',
  {
    id: serial('id').primaryKey(),
    // null with isAdmin: a session opened with ADMIN_TOKEN, or with a token the administrator made.
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    isAdmin: boolean('is_admin').notNull().default(false),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    // The API token that opened it ("sign in with a token"): the session lives only while the token does.
    apiTokenId: integer('api_token_id').references(() => apiTokens.id, { onDelete: 'cascade' }),
    // An administrator's session: the fingerprint of the ADMIN_TOKEN that granted it (secrets.ts); it
    // counts only while ADMIN_TOKEN has that fingerprint.
    adminFingerprint: text('admin_fingerprint'),
  },
  (t) => [
    index('auth_sessions_user').on(t.userId),
    index('auth_sessions_api_token').on(t.apiTokenId),
    check(
      'auth_sessions_admin_fingerprint',
      sql`(${t.userId} is null) = (${t.adminFingerprint} is not null)`,
    ),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // null: a token made with ADMIN_TOKEN, acting as the bootstrap admin.
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    // A token the administrator made: the fingerprint of the ADMIN_TOKEN it was made with; it works
    // only while ADMIN_TOKEN has that fingerprint.
    adminFingerprint: text('admin_fingerprint'),
  },
  (t) => [
    check(
      'api_tokens_admin_fingerprint',
      sql`(${t.userId} is null) = (${t.adminFingerprint} is not null) or ${t.revokedAt} is not null`,
    ),
  ],
);

/**
 * Private calendar feeds: a read-only link a calendar app subscribes to (it cannot send headers),
 * for one delegation's or one person's published sessions. Only the token's hash is kept; a feed
 * works while it is not revoked and its maker may still see what it shows.
 */
export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** 'delegation' or 'person', and the key of the one it shows. */
    scope: text('scope').notNull(),
    scopeKey: text('scope_key').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    index('feed_tokens_user').on(t.userId),
    check('feed_tokens_scope', sql`${t.scope} in ('delegation', 'person')`),
  ],
);

/**
 * Counters per summit, raised when a transaction that changed what the published programme is made
 * of commits (the summit row, its rooms, segments, delegations, people, sessions and participants):
 * deferred triggers of migration 0009. The programme's version is their sum; a transaction raises
 * one of 16 slots (by its transaction id), so that concurrent writers of one summit (a booking rush
 * in the Marketplace writes sessions) seldom wait on one row even while committing. The exports and
 * feeds read it to know, in one query, that the programme they hold is still current
 * (docs/exports.md). No row: never changed since the migration (0). No foreign key: the triggers of
 * a summit's deletion run after the summit is gone.
 */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    summitId: integer('summit_id').notNull(),
    slot: integer('slot').notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.summitId, t.slot] })],
);

export const OUTBOX_STATUSES = ['held', 'queued', 'sending', 'sent', 'failed'] as const;

export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    // The Message-ID every attempt carries, so that a re-send after a crash is recognised as one message.
    messageId: text('message_id').notNull().unique(),
    summitId: integer('summit_id').references(() => summits.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    ical: text('ical'),
    icalMethod: text('ical_method'),
    // Carries a sign-in link: shown in the Outbox only while no mail server is configured.
    secret: boolean('secret').notNull().default(false),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    leaseUntil: instant('lease_until'),
    leaseToken: text('lease_token'),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('outbox_due').on(t.nextAttemptAt).where(sql`${t.status} in ('queued', 'sending')`),
    index('outbox_summit').on(t.summitId, t.id),
    check('outbox_status', oneOf(sql`${t.status}`, OUTBOX_STATUSES)),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: instant('at').notNull().defaultNow(),
    // Kept as text too, so that the log outlives a deleted summit.
    summitId: integer('summit_id'),
    summitSlug: text('summit_slug'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityKey: text('entity_key'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_summit').on(t.summitId, t.id)],
);

// ---- side-event proposals (docs/proposals.md, docs/decisions/0014) ----

export const proposals = pgTable(
  'proposals',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    status: text('status').notNull().default('draft'),
    // The form as its schema read it (shared/schemas/proposal.ts), preferred starts as UTC instants.
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    // Copied out of the form at each save, for the review desk's filters: its format, the days it
    // would like (in the summit's zone), and its organisers as "d:<delegation key>" and
    // "o:<organisation, lower-cased>".
    format: text('format'),
    preferredDays: date('preferred_days', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    organiserTags: text('organiser_tags').array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    // The session made when it was accepted. If the session goes (deleted, or the programme
    // replaced), only this column is cleared: the migration writes ON DELETE SET NULL ("session_id").
    sessionId: integer('session_id'),
    deadlineExtendedTo: instant('deadline_extended_to'),
    // Submitted by the support unit after the deadline: a late proposal it accepted.
    late: boolean('late').notNull().default(false),
    report: jsonb('report'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    submittedAt: instant('submitted_at'),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    unique('proposals_summit_id').on(t.summitId, t.id),
    foreignKey({
      name: 'proposals_session',
      columns: [t.summitId, t.sessionId],
      foreignColumns: [sessions.summitId, sessions.id],
    }).onDelete('set null'),
    uniqueIndex('proposals_session_once').on(t.sessionId).where(sql`${t.sessionId} is not null`),
    index('proposals_desk').on(t.summitId, t.status, t.id),
    index('proposals_organiser_tags').using('gin', t.organiserTags),
    index('proposals_preferred_days').using('gin', t.preferredDays),
    check('proposals_status', oneOf(sql`${t.status}`, PROPOSAL_STATUSES)),
    check('proposals_format', oneOf(sql`${t.format}`, PROPOSAL_FORMATS)),
    check('proposals_version', sql`${t.version} > 0`),
  ],
);

/**
 * Who may change a proposal besides the support unit: its creator, and its contacts by address
 * (a contact who signs in with it finds the proposal). Rewritten from the contacts at each save.
 */
export const proposalOrganisers = pgTable(
  'proposal_organisers',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    via: text('via').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.email, t.via] }),
    index('proposal_organisers_email').on(t.email),
    check('proposal_organisers_email_lower', sql`${t.email} = lower(${t.email})`),
    check('proposal_organisers_via', oneOf(sql`${t.via}`, ['creator', 'contact'])),
  ],
);

/** Messages between the support unit and a proposal's organisers; a decision's message is one too. */
export const proposalComments = pgTable(
  'proposal_comments',
  {
    id: serial('id').primaryKey(),
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    fromSupportUnit: boolean('from_support_unit').notNull(),
    body: text('body').notNull(),
    transition: text('transition'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('proposal_comments_proposal').on(t.proposalId, t.id)],
);

/**
 * Requests made with an Idempotency-Key: the first one's answer, replayed to a repeat. The row is
 * written in the request's transaction, so a concurrent repeat waits for it on the unique key.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: serial('id').primaryKey(),
    account: text('account').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    status: integer('status'),
    // The body as it was sent (text, not jsonb, which would reorder its keys): a replay is the same bytes.
    response: text('response'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('idempotency_keys_account_key').on(t.account, t.key),
    index('idempotency_keys_created').on(t.createdAt),
  ],
);

// ---- the Marketplace (docs/marketplace.md, docs/decisions/0015) ----

/** A summit's Marketplace rules; its tables and windows are the two tables below. */
export const marketplaceSettings = pgTable(
  'marketplace_settings',
  {
    summitId: integer('summit_id')
      .primaryKey()
      .references(() => summits.id, { onDelete: 'cascade' }),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    requestExpiryMinutes: integer('request_expiry_minutes').notNull().default(2880),
    capPerDelegation: integer('cap_per_delegation'),
  },
  (t) => [
    check('marketplace_slot_minutes', sql`${t.slotMinutes} between 5 and 240`),
    check('marketplace_expiry', sql`${t.requestExpiryMinutes} > 0`),
    check('marketplace_cap', sql`${t.capPerDelegation} > 0`),
  ],
);

const settingsOf = () =>
  integer('summit_id')
    .notNull()
    .references(() => marketplaceSettings.summitId, { onDelete: 'cascade' });

/** The rooms the Marketplace's tables are, in the order the support unit gave. */
export const marketplaceTables = pgTable(
  'marketplace_tables',
  {
    summitId: settingsOf(),
    roomId: integer('room_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.summitId, t.roomId] }),
    foreignKey({
      name: 'marketplace_tables_room',
      columns: [t.summitId, t.roomId],
      foreignColumns: [rooms.summitId, rooms.id],
    }),
  ],
);

/** The segments (windows) the Marketplace's slots are cut from. */
export const marketplaceSegments = pgTable(
  'marketplace_segments',
  {
    summitId: settingsOf(),
    segmentId: integer('segment_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.summitId, t.segmentId] }),
    foreignKey({
      name: 'marketplace_segments_segment',
      columns: [t.summitId, t.segmentId],
      foreignColumns: [segments.summitId, segments.id],
    }),
  ],
);

const objectivesCheck = (column: SQL) =>
  sql`${column} <@ array[${sql.raw(Array.from({ length: 23 }, (_, i) => i + 1).join(', '))}]::integer[]`;

export const marketplaceNeeds = pgTable(
  'marketplace_needs',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    key: text('key').notNull(),
    ownerId: integer('owner_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    objectives: integer('objectives').array().notNull().default(sql`'{}'::integer[]`),
    sdgTargets: text('sdg_targets').array().notNull().default(sql`'{}'::text[]`),
    assistance: text('assistance').array().notNull().default(sql`'{}'::text[]`),
    providerTypes: text('provider_types').array().notNull().default(sql`'{}'::text[]`),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('marketplace_needs_key').on(t.summitId, t.key),
    unique('marketplace_needs_summit_id').on(t.summitId, t.id),
    foreignKey({
      name: 'marketplace_needs_owner',
      columns: [t.summitId, t.ownerId],
      foreignColumns: [delegations.summitId, delegations.id],
    }),
    index('marketplace_needs_owner').on(t.ownerId),
    check('marketplace_needs_objectives', objectivesCheck(sql`${t.objectives}`)),
    check('marketplace_needs_assistance', allOf(sql`${t.assistance}`, ASSISTANCE)),
    check('marketplace_needs_provider_types', allOf(sql`${t.providerTypes}`, DELEGATION_KINDS)),
  ],
);

export const marketplaceOffers = pgTable(
  'marketplace_offers',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    providerId: integer('provider_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    objectives: integer('objectives').array().notNull().default(sql`'{}'::integer[]`),
    assistance: text('assistance').array().notNull().default(sql`'{}'::text[]`),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'marketplace_offers_provider',
      columns: [t.summitId, t.providerId],
      foreignColumns: [delegations.summitId, delegations.id],
    }),
    index('marketplace_offers_provider').on(t.summitId, t.providerId),
    check('marketplace_offers_objectives', objectivesCheck(sql`${t.objectives}`)),
    check('marketplace_offers_assistance', allOf(sql`${t.assistance}`, ASSISTANCE)),
  ],
);

/**
 * A consultation on a need, at a table, in a slot. No two live ones (requested or accepted) share a
 * table at overlapping times: the exclusion constraint "marketplace_consultations_no_overlap",
 * written by hand in drizzle/0005 (drizzle cannot declare one).
 */
export const marketplaceConsultations = pgTable(
  'marketplace_consultations',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    needId: integer('need_id').notNull(),
    // A request may leave its slot to the support unit (its automatic schedule): then all three
    // are null until it is scheduled. A row without a table holds nothing (the exclusion
    // constraint compares tables with =, and null equals nothing).
    roomId: integer('room_id'),
    startAt: instant('start_at'),
    endAt: instant('end_at'),
    status: text('status').notNull().default('requested'),
    requestedByUserId: integer('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    requestedBy: text('requested_by').notNull(),
    expiresAt: instant('expires_at').notNull(),
    // The session made when it was accepted; the migration writes ON DELETE SET NULL ("session_id").
    sessionId: integer('session_id'),
    outcome: text('outcome'),
    fundingSources: text('funding_sources').array().notNull().default(sql`'{}'::text[]`),
    outcomeNote: text('outcome_note'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('marketplace_consultations_summit_id').on(t.summitId, t.id),
    foreignKey({
      name: 'marketplace_consultations_need',
      columns: [t.summitId, t.needId],
      foreignColumns: [marketplaceNeeds.summitId, marketplaceNeeds.id],
    }),
    foreignKey({
      name: 'marketplace_consultations_room',
      columns: [t.summitId, t.roomId],
      foreignColumns: [rooms.summitId, rooms.id],
    }),
    foreignKey({
      name: 'marketplace_consultations_session',
      columns: [t.summitId, t.sessionId],
      foreignColumns: [sessions.summitId, sessions.id],
    }).onDelete('set null'),
    index('marketplace_consultations_need').on(t.needId),
    index('marketplace_consultations_time').on(t.summitId, t.startAt),
    check('marketplace_consultations_status', oneOf(sql`${t.status}`, CONSULTATION_STATUSES)),
    check('marketplace_consultations_outcome', oneOf(sql`${t.outcome}`, OUTCOMES)),
    check('marketplace_consultations_time', sql`${t.endAt} > ${t.startAt}`),
    check(
      'marketplace_consultations_slot',
      sql`(${t.roomId} is null) = (${t.startAt} is null) and (${t.startAt} is null) = (${t.endAt} is null)`,
    ),
  ],
);

/** The provider delegations of a consultation (several may join) and those that observe it. */
export const marketplaceParties = pgTable(
  'marketplace_parties',
  {
    summitId: summitId(),
    consultationId: integer('consultation_id').notNull(),
    delegationId: integer('delegation_id').notNull(),
    role: text('role').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.delegationId] }),
    foreignKey({
      name: 'marketplace_parties_consultation',
      columns: [t.summitId, t.consultationId],
      foreignColumns: [marketplaceConsultations.summitId, marketplaceConsultations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'marketplace_parties_delegation',
      columns: [t.summitId, t.delegationId],
      foreignColumns: [delegations.summitId, delegations.id],
    }),
    index('marketplace_parties_delegation').on(t.delegationId),
    check('marketplace_parties_role', oneOf(sql`${t.role}`, PARTY_ROLES)),
  ],
);

// ---- releases and calendar invitations (docs/invites.md, docs/decisions/0016) ----

/** One per publication: what each published, placed session was then, as a calendar sees it. */
export const releases = pgTable(
  'releases',
  {
    id: serial('id').primaryKey(),
    summitId: summitId(),
    number: integer('number').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    // ReleasedSession[] (server/modules/invites/release.ts): the next release is compared with it.
    sessions: jsonb('sessions').notNull(),
  },
  (t) => [
    unique('releases_number').on(t.summitId, t.number),
    check('releases_number_positive', sql`${t.number} > 0`),
  ],
);

/**
 * A session's calendar identity, kept across releases and past the session itself (a cancelled
 * session that comes back must carry a higher SEQUENCE): its UID, the SEQUENCE last sent, and the
 * secret its RSVP links are signed with.
 */
export const calendarSequences = pgTable(
  'calendar_sequences',
  {
    summitId: summitId(),
    sessionKey: text('session_key').notNull(),
    uid: text('uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    rsvpSecret: text('rsvp_secret').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.summitId, t.sessionKey] }),
    check('calendar_sequences_sequence', sql`${t.sequence} >= 0`),
  ],
);

/** A person's answer to a session's invitation, from the links in the mail (the last one counts). */
export const rsvps = pgTable(
  'rsvps',
  {
    summitId: summitId(),
    sessionKey: text('session_key').notNull(),
    personKey: text('person_key').notNull(),
    answer: text('answer').notNull(),
    answeredAt: instant('answered_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.summitId, t.sessionKey, t.personKey] }),
    check('rsvps_answer', oneOf(sql`${t.answer}`, RSVP_ANSWERS)),
  ],
);
