// Every query key of the app, in one place. A summit's data lives under ['summit', slug], its lists
// under ['summit', slug, list], so that invalidating a prefix refreshes exactly what a write changed:
// ['summit', slug, 'sessions'] also covers each session's page and its moves.
export type ListName = 'rooms' | 'segments' | 'delegations' | 'people' | 'sessions';

export const keys = {
  me: ['me'] as const,
  tokens: ['tokens'] as const,
  /** The caller's calendar feeds, across summits. */
  feeds: ['feeds'] as const,
  summits: ['summits'] as const,
  summit: (slug: string) => ['summit', slug] as const,
  list: (slug: string, list: ListName) => ['summit', slug, list] as const,
  session: (slug: string, key: string) => ['summit', slug, 'sessions', key] as const,
  moves: (slug: string, key: string) => ['summit', slug, 'sessions', key, 'moves'] as const,
  /** Without a day: every day of the programme. */
  programme: (slug: string, day?: string) =>
    day === undefined
      ? (['summit', slug, 'programme'] as const)
      : (['summit', slug, 'programme', day] as const),
  /** Without a delegation: every agenda of the summit. */
  agenda: (slug: string, delegation?: string) =>
    delegation === undefined
      ? (['summit', slug, 'agenda'] as const)
      : (['summit', slug, 'agenda', delegation] as const),
  /** Without a cursor: every page of the conflict report. */
  conflicts: (slug: string, after?: string) =>
    after === undefined
      ? (['summit', slug, 'conflicts'] as const)
      : (['summit', slug, 'conflicts', after] as const),
  roles: (slug: string) => ['summit', slug, 'roles'] as const,
  /** What the proposal form needs of the summit (its days, delegations, deadline). */
  proposalCall: (slug: string) => ['summit', slug, 'proposal-call'] as const,
  /** Without an id: every list and every proposal of the summit (placing a session schedules one). */
  proposals: (slug: string) => ['summit', slug, 'proposals'] as const,
  proposalList: (slug: string, query: Record<string, string | undefined>) =>
    ['summit', slug, 'proposals', 'list', query] as const,
  proposal: (slug: string, id: number) => ['summit', slug, 'proposals', id] as const,
  comments: (slug: string, id: number) => ['summit', slug, 'proposals', id, 'comments'] as const,
  /** Everything of a summit's Marketplace: a booking changes slots, needs' counts and the report. */
  marketplace: (slug: string) => ['summit', slug, 'marketplace'] as const,
  audit: (slug: string) => ['summit', slug, 'audit'] as const,
  /** Whether the programme is published, and its last release. */
  release: (slug: string) => ['summit', slug, 'release'] as const,
  /** Answers to the invitations' RSVP links. */
  rsvps: (slug: string) => ['summit', slug, 'rsvps'] as const,
  /** One summit's outbox, or every message (null). The outbox is one table across summits. */
  outbox: (slug: string | null) => ['outbox', slug] as const,
  /** Every view of the outbox: a message is resent by id, whichever view showed it. */
  outboxes: ['outbox'] as const,
};
