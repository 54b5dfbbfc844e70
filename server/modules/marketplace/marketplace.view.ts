// What the API answers for Marketplace items: keys for references, UTC instants for times, and a
// request past its expiry shown as expired even before a booking marks it so.
import type { ConsultationStatus } from '../../../shared/domain/marketplace.ts';
import type { MarketContext } from './marketplace.context.ts';
import { marketplacePolicy, standingOf } from './marketplace.policy.ts';
import type { ConsultationRow, NeedRow, OfferRow } from './marketplace.repo.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const named = (d: { key: string; name: string }) => ({ key: d.key, name: d.name });

/** The status as it stands at `now`: a request past its expiry holds nothing. */
export const statusAt = (c: ConsultationRow, now: number): ConsultationStatus =>
  c.status === 'requested' && c.expiresAt <= now ? 'expired' : c.status;

export const needView = (n: NeedRow) => ({
  key: n.key,
  owner: named(n.owner),
  title: n.title,
  description: n.description,
  objectives: n.objectives,
  sdgTargets: n.sdgTargets,
  assistance: n.assistance,
  providerTypes: n.providerTypes,
  consultations: n.consultations,
});

export const offerView = (o: OfferRow) => ({
  id: o.id,
  provider: { ...named(o.provider), kind: o.provider.kind },
  title: o.title,
  description: o.description,
  objectives: o.objectives,
  assistance: o.assistance,
});

export function consultationView(ctx: MarketContext, c: ConsultationRow, now: number) {
  const status = statusAt(c, now);
  const of = (role: string) => c.parties.filter((p) => p.role === role).map((p) => p.delegation.key);
  return {
    id: c.id,
    status,
    need: c.needKey,
    needTitle: c.needTitle,
    room: c.room,
    roomName: c.roomName,
    start: isoOrNull(c.start),
    end: isoOrNull(c.end),
    owner: c.owner.key,
    providers: of('provider'),
    observers: of('observer'),
    expiresAt: status === 'requested' ? iso(c.expiresAt) : null,
    session: c.session,
    requestedBy: marketplacePolicy.seesContacts(standingOf(ctx, c)) ? c.requestedBy : null,
    outcome: c.outcome,
    fundingSources: c.fundingSources,
    outcomeNote: c.outcomeNote,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}
export type ConsultationView = ReturnType<typeof consultationView>;
