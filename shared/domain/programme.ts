// The programme as the domain sees it: every time an instant (epoch milliseconds), every reference
// a key. Both the summit file and the API are converted to and from this shape.
import type {
  DelegationKind,
  Equipment,
  Language,
  Role,
  SegmentKind,
  SessionKind,
  SessionStatus,
} from './vocabulary.ts';
import type { Marketplace } from './marketplace.ts';

export type Summit = {
  slug: string;
  name: string;
  theme: string;
  venue: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  proposalDeadline: number | null;
  travelMinutes: number;
  /** The language of the summit's messages to people who chose none (docs/summit-file.md). */
  language: Language;
};
export type Room = {
  key: string;
  name: string;
  capacity: number;
  building: string | null;
  equipment: Equipment[];
  microphones: number;
  changeoverMinutes: number;
};
export type Segment = { key: string; kind: SegmentKind; title: string; start: number; end: number };
export type Delegation = { key: string; name: string; kind: DelegationKind; size: number };
export type Person = {
  key: string;
  name: string;
  email: string | null;
  delegation: string | null;
  title: string | null;
  /** The language the person reads; null: the summit's. */
  language: Language | null;
};
/**
 * `confirmed: false`: a request naming another delegation or its people, which the support unit or
 * that delegation's focal point has not confirmed yet; it commits nobody (the conflict engine
 * leaves it out). Left out (or true): confirmed.
 */
export type Participant = {
  person: string | null;
  delegation: string | null;
  role: Role;
  confirmed?: boolean;
};
export type Session = {
  key: string;
  kind: SessionKind;
  title: string;
  segment: string | null;
  room: string | null;
  start: number | null;
  end: number | null;
  durationMinutes: number;
  preferredStarts: number[];
  expectedAttendance: number | null;
  equipment: Equipment[];
  microphones: number | null;
  pinned: boolean;
  status: SessionStatus;
  participants: Participant[];
  /** ISO 639-1 codes of the languages it is held in; left out: none said. */
  languages?: string[];
  /** ISO 639-1 codes of the languages it is interpreted into; left out: none. */
  interpretation?: string[];
};
export type Programme = {
  summit: Summit;
  rooms: Room[];
  segments: Segment[];
  delegations: Delegation[];
  people: Person[];
  sessions: Session[];
  /** The Marketplace's tables, windows, rules and needs, when the summit has one. */
  marketplace?: Marketplace;
};
