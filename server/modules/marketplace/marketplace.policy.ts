// Who may do what in the Marketplace. The support unit does everything; a participant writes for
// their own delegations (needs as owner, offers and requests as provider); a visitor reads.
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { MarketContext } from './marketplace.context.ts';
import type { ConsultationRow } from './marketplace.repo.ts';

/** How the caller stands to one consultation. */
export type Standing = {
  supportUnit: boolean;
  owner: boolean;
  provider: boolean;
  observer: boolean;
  visitor: boolean;
  /** Of a delegation in the Marketplace, whether or not a side of this one. */
  participant: boolean;
};

export function standingOf(ctx: MarketContext, c: ConsultationRow): Standing {
  const mine = new Set(ctx.mine.map((d) => d.id));
  const as = (role: string) => c.parties.some((p) => p.role === role && mine.has(p.delegation.id));
  return {
    supportUnit: ctx.roles.supportUnit,
    owner: mine.has(c.owner.id),
    provider: as('provider'),
    observer: as('observer'),
    visitor: ctx.visitorOnly,
    participant: ctx.mine.length > 0,
  };
}

const VISITORS = 'visitors read the Marketplace; they do not write in it';

export const marketplacePolicy = {
  mayManage: (ctx: MarketContext): Verdict =>
    ctx.roles.supportUnit ? allowed : forbidden('only the support unit changes the Marketplace’s settings'),
  mayWrite: (ctx: MarketContext): Verdict => (ctx.visitorOnly ? forbidden(VISITORS) : allowed),
  /** A need or offer of this delegation: its own people and the support unit change it. */
  mayChangeFor: (ctx: MarketContext, delegationId: number, what: string): Verdict =>
    ctx.visitorOnly
      ? forbidden(VISITORS)
      : ctx.roles.supportUnit || ctx.mine.some((d) => d.id === delegationId)
        ? allowed
        : forbidden(`only its own delegation and the support unit change ${what}`),
  // What visitors may observe, every participant may read (and then join or observe); only the
  // sides see the requester's address.
  sees: (s: Standing) => s.supportUnit || s.visitor || s.participant,
  /** The requester's address: not for visitors. */
  seesContacts: (s: Standing) => s.supportUnit || s.owner || s.provider || s.observer,
  mayDecide: (s: Standing): Verdict =>
    s.supportUnit || s.owner ? allowed : forbidden('only the need’s owner accepts or declines a request'),
  mayCancel: (s: Standing): Verdict =>
    s.supportUnit || s.owner || s.provider
      ? allowed
      : forbidden('only the owner, a provider or the support unit cancels a consultation'),
  mayRecord: (s: Standing): Verdict =>
    s.supportUnit || s.owner || s.provider
      ? allowed
      : forbidden('only the owner, a provider or the support unit records what came of a consultation'),
};
