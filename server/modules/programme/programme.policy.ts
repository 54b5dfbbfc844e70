// Who may see and change a summit's programme. The support unit does everything; a delegation's
// focal point manages its people and its own details; a person may correct their own name and
// title; an organiser may describe their own side event but not move it. Everyone else reads the
// published programme, without contact details (core/summit-context.ts, viewOf).
import { allowed, forbidden, type Verdict } from '../../core/outcome.ts';
import type { SummitRoles } from '../../core/roles.ts';
import type { ListName } from './programme.repo.ts';

type Item = Record<string, unknown>;

/** Session fields an organiser may change on their own side event. */
export const ORGANISER_FIELDS = [
  'title',
  'expectedAttendance',
  'equipment',
  'microphones',
  'participants',
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changedFields = (before: Item, after: Item) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));

const refusal = (verb: 'create' | 'change' | 'delete', noun: string, key: unknown) =>
  forbidden(
    typeof key === 'string'
      ? `you may not ${verb} ${noun} "${key}" in this summit`
      : `you may not ${verb} a ${noun} in this summit`,
  );

export const programmePolicy = {
  /**
   * May the caller create items of this list at all? Decided before the body is read, so that
   * nothing in it (a reference to a hidden item) is checked for a caller who may not create.
   */
  mayCreateIn(roles: SummitRoles, list: ListName, noun: string, key: unknown): Verdict {
    if (roles.supportUnit) return allowed;
    if (list === 'people' && roles.focalPointOf.size > 0) return allowed;
    return refusal('create', noun, key);
  },

  /** May the caller change some field of this item? Decided before the body is read. */
  mayChange(roles: SummitRoles, list: ListName, noun: string, before: Item): Verdict {
    if (roles.supportUnit) return allowed;
    const key = String(before.key);
    if (list === 'people') {
      const ofMine = typeof before.delegation === 'string' && roles.focalPointOf.has(before.delegation);
      if (ofMine || roles.personKeys.has(key)) return allowed;
    }
    if (list === 'delegations' && roles.focalPointOf.has(key)) return allowed;
    if (list === 'sessions' && roles.organiserOf.has(key)) return allowed;
    return refusal('change', noun, key);
  },

  /** May the caller turn `before` into `after` (null before: create; null after: delete)? */
  mayWrite(
    roles: SummitRoles,
    list: ListName,
    noun: string,
    before: Item | null,
    after: Item | null,
  ): Verdict {
    if (roles.supportUnit) return allowed;
    const key = String((before ?? after)!.key);
    const refuse = refusal(before === null ? 'create' : after === null ? 'delete' : 'change', noun, key);
    if (list === 'people') {
      // A person without a delegation is nobody's but the support unit's (not that of a delegation
      // keyed "undefined").
      const inMine = (item: Item | null) =>
        item === null || (typeof item.delegation === 'string' && roles.focalPointOf.has(item.delegation));
      if (inMine(before) && inMine(after)) return allowed;
      const self = before !== null && after !== null && roles.personKeys.has(key);
      if (self && changedFields(before, after).every((f) => f === 'name' || f === 'title')) return allowed;
      return refuse;
    }
    if (list === 'delegations' && before && after && roles.focalPointOf.has(key) && after.key === key)
      return allowed;
    if (list === 'sessions' && before && after && roles.organiserOf.has(key)) {
      const protectedFields = changedFields(before, after).filter(
        (f) => !(ORGANISER_FIELDS as readonly string[]).includes(f),
      );
      if (protectedFields.length === 0) return allowed;
      return forbidden(
        `organisers may change only ${ORGANISER_FIELDS.join(', ')} of their side event, not ${protectedFields.join(', ')}`,
        protectedFields[0],
      );
    }
    return refuse;
  },
};
