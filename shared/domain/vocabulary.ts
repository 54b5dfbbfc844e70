// The programme's fixed vocabularies (docs/summit-file.md, "Enumerations"), free of zod so that the
// browser bundle can use them.
export const EQUIPMENT = [
  'projector',
  'screen',
  'hdmi',
  'usb',
  'interpretation',
  'video_conference',
  'recording',
] as const;
export const SEGMENT_KINDS = [
  'plenary',
  'roundtables',
  'marketplace',
  'side_events',
  'special_session',
  'common_space',
  'break',
] as const;
export const DELEGATION_KINDS = [
  'member_state',
  'observer_state',
  'international_organisation',
  'civil_society',
  'business',
  'mayors',
  'other',
] as const;
export const SESSION_KINDS = [
  'plenary',
  'roundtable',
  'side_event',
  'marketplace_consultation',
  'special_session',
  'meeting',
] as const;
export const ROLES = [
  'co_chair',
  'rapporteur',
  'thematic_lead',
  'moderator',
  'panellist',
  'speaker',
  'organiser',
  'owner',
  'provider',
  'participant',
  'observer',
  'visitor',
] as const;
export const SESSION_STATUSES = ['draft', 'published'] as const;
/** Roles the support unit gives in a summit (others follow from the programme). */
export const GRANTED_ROLES = ['support_unit', 'focal_point', 'delegate', 'visitor'] as const;
/** The languages people read Convene in: a summit's, a person's, an account's (docs/summit-file.md). */
export const LANGUAGES = ['en', 'fr', 'es'] as const;

export type Equipment = (typeof EQUIPMENT)[number];
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
export type DelegationKind = (typeof DELEGATION_KINDS)[number];
export type SessionKind = (typeof SESSION_KINDS)[number];
export type Role = (typeof ROLES)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type GrantedRole = (typeof GRANTED_ROLES)[number];
export type Language = (typeof LANGUAGES)[number];

/** Roles that require the person (or delegation) to be in the room: all but participant, observer, visitor. */
export const PRESENCE_ROLES: ReadonlySet<Role> = new Set(
  ROLES.filter((r) => r !== 'participant' && r !== 'observer' && r !== 'visitor'),
);
