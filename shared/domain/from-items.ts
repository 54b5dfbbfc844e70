// The domain model from API items, in the browser: every time the API writes carries its offset,
// so no time-zone data is needed to read it back.
import { languagesOf } from './languages.ts';
import type {
  DelegationItem,
  PersonItem,
  RoomItem,
  SegmentItem,
  SessionItem,
  SummitItem,
} from '../schemas/summit-file.ts';
import type { MarketplaceItem } from '../schemas/marketplace.ts';
import { marketplaceOf } from './marketplace-file.ts';
import type { Programme, Session } from './programme.ts';

const instant = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an instant with an offset: ${text}`);
  return ms;
};

export function sessionFromItem(s: SessionItem): Session {
  const start = s.start !== undefined ? instant(s.start) : null;
  const end = s.end !== undefined ? instant(s.end) : null;
  return {
    key: s.key,
    kind: s.kind,
    title: s.title,
    segment: s.segment ?? null,
    room: s.room ?? null,
    start,
    end,
    durationMinutes: s.durationMinutes ?? (start !== null && end !== null ? (end - start) / 60_000 : 0),
    preferredStarts: (s.preferredStarts ?? []).map(instant),
    expectedAttendance: s.expectedAttendance ?? null,
    equipment: s.equipment,
    microphones: s.microphones ?? null,
    pinned: s.pinned,
    status: s.status,
    participants: s.participants.map((p) => ({
      person: p.person ?? null,
      delegation: p.delegation ?? null,
      role: p.role,
      ...(p.confirmed === false && { confirmed: false }),
    })),
    ...languagesOf(s),
  };
}

export function programmeFromItems(items: {
  summit: SummitItem;
  rooms: RoomItem[];
  segments: SegmentItem[];
  delegations: DelegationItem[];
  people: PersonItem[];
  sessions: SessionItem[];
  marketplace?: MarketplaceItem;
}): Programme {
  const { summit } = items;
  return {
    summit: {
      slug: summit.slug,
      name: summit.name,
      theme: summit.theme,
      venue: summit.venue,
      timeZone: summit.timeZone,
      startDate: summit.startDate,
      endDate: summit.endDate,
      travelMinutes: summit.travelMinutes,
      language: summit.language,
      proposalDeadline: summit.proposalDeadline ? instant(summit.proposalDeadline) : null,
    },
    rooms: items.rooms.map((r) => ({ ...r, building: r.building ?? null })),
    segments: items.segments.map((s) => ({
      key: s.key,
      kind: s.kind,
      title: s.title,
      start: instant(s.start),
      end: instant(s.end),
    })),
    delegations: items.delegations,
    people: items.people.map((p) => ({
      key: p.key,
      name: p.name,
      email: p.email ?? null,
      delegation: p.delegation ?? null,
      title: p.title ?? null,
      language: p.language ?? null,
    })),
    sessions: items.sessions.map(sessionFromItem),
    ...(items.marketplace && { marketplace: marketplaceOf(items.marketplace) }),
  };
}
