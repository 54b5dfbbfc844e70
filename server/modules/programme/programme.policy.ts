// Who may see and change a summit's programme. The support unit does everything; a delegation's
// focal point manages its people and its own details; a person may correct their own name and
// title; an organiser may describe their own side event but not move it. Everyone else reads the
// published programme, without contact details.
import type { Failure } from '../../http/route.ts';
import { forbidden } from '../../http/route.ts';
import type { SummitRoles } from '../roles/roles.repo.ts';
import type { ListName } from './programme.repo.ts';

export type View = { drafts: boolean; contacts: boolean };
type Item = Record<string, unknown>;
type Verdict = { ok: true } | Failure;
const allowed: Verdict = { ok: true };

/** Session fields an organiser may change on their own side event. */
export const ORGANISER_FIELDS = [
  'title',
  'expectedAttendance',
  'equipment',
  'microphones',
  'participants',
] as const;

const hasRole = (r: SummitRoles) => r.delegateOf.size > 0 || r.personKeys.size > 0 || r.organiserOf.size > 0;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changedFields = (before: Item, after: Item) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));

export const programmePolicy = {
  /** What of a summit the caller sees, or null when the summit is hidden from them. */
  view(roles: SummitRoles, summit: { isPublic: boolean }): View | null {
    if (roles.supportUnit) return { drafts: true, contacts: true };
    return summit.isPublic || hasRole(roles) ? { drafts: false, contacts: false } : null;
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
    const refuse = forbidden(
      `you may not ${before === null ? 'create' : after === null ? 'delete' : 'change'} ${noun} "${key}" in this summit`,
    );
    if (list === 'people') {
      const inMine = (item: Item | null) => item === null || roles.focalPointOf.has(String(item.delegation));
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
