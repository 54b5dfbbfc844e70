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

export const programmePolicy = {
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
    const refuse = forbidden(
      `you may not ${before === null ? 'create' : after === null ? 'delete' : 'change'} ${noun} "${key}" in this summit`,
    );
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
