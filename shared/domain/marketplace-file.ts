// The summit file's `marketplace` read into the domain model (references checked by JSON path) and
// written back, so that a round trip is lossless.
import { type MarketplaceItem, marketplaceItemSchema, type NeedItem } from '../schemas/marketplace.ts';
import { type Problem, problem, zodProblems } from '../schemas/problems.ts';
import { DEFAULT_EXPIRY_MINUTES, type Marketplace, type Need } from './marketplace.ts';
import type { KeySet, Resolved } from './resolve.ts';

/** A need item as read, or as written (lists left out when empty), in the domain model. */
export const needOf = (n: NeedItem): Need => ({
  ...n,
  description: n.description ?? null,
  objectives: n.objectives ?? [],
  sdgTargets: n.sdgTargets ?? [],
  assistance: n.assistance ?? [],
  providerTypes: n.providerTypes ?? [],
});

export const marketplaceOf = (m: MarketplaceItem): Marketplace => ({
  slotMinutes: m.slotMinutes,
  tables: m.tables,
  segments: m.segments,
  requestExpiryMinutes: m.requestExpiryMinutes ?? DEFAULT_EXPIRY_MINUTES,
  capPerDelegation: m.capPerDelegation ?? null,
  needs: m.needs.map(needOf),
});

export function needToItem(n: Need): NeedItem {
  return {
    key: n.key,
    owner: n.owner,
    title: n.title,
    ...(n.description !== null && { description: n.description }),
    objectives: n.objectives,
    ...(n.sdgTargets.length > 0 && { sdgTargets: n.sdgTargets }),
    assistance: n.assistance,
    ...(n.providerTypes.length > 0 && { providerTypes: n.providerTypes }),
  } as NeedItem;
}

export function marketplaceToItem(m: Marketplace): MarketplaceItem {
  return {
    slotMinutes: m.slotMinutes,
    tables: m.tables,
    segments: m.segments,
    ...(m.requestExpiryMinutes !== DEFAULT_EXPIRY_MINUTES && {
      requestExpiryMinutes: m.requestExpiryMinutes,
    }),
    ...(m.capPerDelegation !== null && { capPerDelegation: m.capPerDelegation }),
    needs: m.needs.map(needToItem),
  };
}

/** Reads the file's `marketplace` against the keys of its rooms, segments and delegations. */
export function readMarketplace(
  raw: unknown,
  known: { rooms: KeySet; segments: KeySet; delegations: KeySet },
): Resolved<Marketplace> {
  const parsed = marketplaceItemSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error, 'marketplace') };
  const m = parsed.data;
  const errors: Problem[] = [];
  const refs = (list: 'tables' | 'segments', keys: KeySet, what: string) =>
    m[list].forEach((key, i) => {
      if (!keys.has(key))
        errors.push(
          problem(`marketplace.${list}[${i}]`, `unknown ${what} "${key}"`, 'unknownKey', { kind: what, key }),
        );
    });
  refs('tables', known.rooms, 'room');
  refs('segments', known.segments, 'segment');
  const first = new Map<string, number>();
  m.needs.forEach((n, i) => {
    const earlier = first.get(n.key);
    if (earlier === undefined) first.set(n.key, i);
    else
      errors.push(
        problem(
          `marketplace.needs[${i}].key`,
          `duplicate key "${n.key}" (also marketplace.needs[${earlier}])`,
          'duplicateKey',
          { key: n.key },
        ),
      );
    if (!known.delegations.has(n.owner))
      errors.push(
        problem(`marketplace.needs[${i}].owner`, `unknown delegation "${n.owner}"`, 'unknownKey', {
          kind: 'delegation',
          key: n.owner,
        }),
      );
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: marketplaceOf(m) };
}
