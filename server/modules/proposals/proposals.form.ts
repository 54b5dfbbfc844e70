// The form between its JSON (as the API reads and writes it) and its stored document: preferred
// starts are read in the summit's zone and kept as instants, shown again in the zone with the
// offset; the desk's filter columns are copied out of it.
import { localDate, parseTime, formatTime, datesBetween } from '../../../shared/domain/time.ts';
import { zodProblems } from '../../../shared/schemas/problems.ts';
import {
  PROPOSAL_FIELDS,
  type ProposalDraft,
  type ProposalRefs,
  proposalDraftSchema,
  proposalSubmitSchema,
} from '../../../shared/schemas/proposal.ts';
import { invalid, type Outcome } from '../../core/outcome.ts';
import type { SummitRecord } from '../../core/summit-context.ts';
import { delegationTag, organisationTag } from './proposals.policy.ts';

/** The form as stored: the draft's fields, preferred starts as UTC ISO instants. */
export type StoredForm = ProposalDraft;

/** Reads a form sent to the API; its preferred starts become instants. */
export function readForm(body: unknown, timeZone: string): Outcome<StoredForm> {
  const parsed = proposalDraftSchema.safeParse(body);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const form = parsed.data;
  if (!form.preferredStarts) return { ok: true, value: form };
  const starts: string[] = [];
  const problems = [];
  for (const [i, text] of form.preferredStarts.entries()) {
    const ms = parseTime(text, timeZone);
    if (ms === null) problems.push({ path: `preferredStarts[${i}]`, message: `"${text}" is not a time` });
    else starts.push(new Date(ms).toISOString());
  }
  return problems.length ? invalid(problems) : { ok: true, value: { ...form, preferredStarts: starts } };
}

/** The stored form as the API shows it; without the contacts' addresses for those who may not see them. */
export function showForm(form: StoredForm, timeZone: string, contacts: boolean): StoredForm {
  // In the form's order (the database keeps a document's keys in an order of its own).
  const out = Object.fromEntries(
    PROPOSAL_FIELDS.flatMap((k) => (k in form ? [[k, form[k]]] : [])),
  ) as StoredForm;
  if (form.preferredStarts)
    out.preferredStarts = form.preferredStarts.map((t) => formatTime(Date.parse(t), timeZone));
  if (form.contacts && !contacts) out.contacts = form.contacts.map(({ email: _, ...c }) => c);
  return out;
}

/** Every problem that keeps the form from being submitted, by path. */
export function submitCheck(form: StoredForm, summit: SummitRecord, delegations: ReadonlySet<string>) {
  const refs: ProposalRefs = {
    delegations,
    days: datesBetween(summit.startDate, summit.endDate),
    dayOf: (t) => {
      const ms = parseTime(t, summit.timeZone);
      return ms === null ? null : localDate(ms, summit.timeZone);
    },
  };
  const parsed = proposalSubmitSchema(refs).safeParse(showForm(form, summit.timeZone, true));
  return parsed.success ? [] : zodProblems(parsed.error);
}

/** The columns the review desk filters on, copied out of the form. */
export function filterColumns(form: StoredForm, timeZone: string) {
  const days = (form.preferredStarts ?? []).map((t) => localDate(Date.parse(t), timeZone));
  const tags = (form.organisers ?? []).flatMap((o) => [
    ...(o.delegation ? [delegationTag(o.delegation)] : []),
    ...(o.organisation ? [organisationTag(o.organisation)] : []),
  ]);
  return {
    format: form.format ?? null,
    preferredDays: [...new Set(days)].sort(),
    organiserTags: [...new Set(tags)],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The contacts' addresses, lower-cased, that look like addresses (a draft's may be half typed). */
export const contactEmails = (form: StoredForm): string[] =>
  (form.contacts ?? []).flatMap((c) => {
    const email = c.email?.toLowerCase();
    return email && EMAIL.test(email) ? [email] : [];
  });

/** The organisers as people know them: the delegation's name, or the organisation. */
export const organiserNames = (
  organisers: StoredForm['organisers'],
  delegationNames: ReadonlyMap<string, string>,
): string[] =>
  (organisers ?? []).flatMap((o) => {
    if (o.delegation) return [delegationNames.get(o.delegation) ?? o.delegation];
    return o.organisation ? [o.organisation] : [];
  });

/** "Republic of Moldova and ICMPD", "A, B and C". */
export const joinNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
