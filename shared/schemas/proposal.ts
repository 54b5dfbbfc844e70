// The side-event proposal form (the GFMD 2018 form, seed 003), one schema for the browser's form,
// the API and the server, at two levels. A draft takes anything partial but well typed, each field
// bounded, so that the form can be saved as it is typed. Submitting checks the whole form and
// lists every problem on its field (`programme: the items add up to 70 minutes, the event lasts 75`).
import { z } from 'zod';
import { PROPOSAL_FORMATS, programmeMinutes } from '../domain/proposals.ts';
import { shortDay } from '../domain/wall-clock.ts';
import { equipmentSchema } from './enums.ts';
import { optional, paragraphs, singleLine, withCode } from './fields.ts';
import { type ProblemParams, problemParams } from './problems.ts';
import { keySchema, timeSchema } from './summit-file.ts';

const line = (max: number) => optional(singleLine(max));
const text = (max: number) => optional(paragraphs(max));
const count = (max: number) => z.int().min(0).max(max);
const rows = <T extends z.ZodType>(item: T, max: number) => optional(z.array(item).max(max));

// A link being typed ("htt", "www.icmpd.org") is fine in a draft; another scheme never is, so that
// no reader of a draft is offered a javascript: or data: link.
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:/i;
const HTTP_LINK = 'must be a link starting with http:// or https://';

export const proposalOrganiserSchema = z.strictObject({
  delegation: optional(keySchema).describe('a delegation of the summit, by key'),
  organisation: line(300).describe('an organisation that is not a delegation of the summit'),
});
export const proposalContactSchema = z.strictObject({
  name: line(200),
  title: line(300),
  email: line(320).describe('an e-mail address, required on submit'),
});
export const proposalMaterialSchema = z.strictObject({
  title: line(300),
  url: optional(singleLine(2000).refine((url) => !OTHER_SCHEME.test(url), withCode(HTTP_LINK, 'httpLink'))),
});
export const proposalRequirementsSchema = z.strictObject({
  capacity: optional(count(100_000)).describe('seats the room must have'),
  equipment: optional(
    z
      .array(equipmentSchema)
      .refine((xs) => new Set(xs).size === xs.length, withCode('lists a value twice', 'duplicate')),
  ),
  microphones: optional(count(1000)),
  interpretation: rows(singleLine(100, { required: true }), 20).describe('languages to interpret'),
});
export const proposalPersonSchema = z.strictObject({
  name: line(200),
  title: line(300),
  organisation: line(300),
});
export const proposalPanellistSchema = proposalPersonSchema.extend({
  dimension: line(200).describe('what they speak for: "regional dimension"'),
});
export const programmeItemSchema = z.strictObject({
  minutes: optional(
    z
      .int()
      .min(1)
      .max(24 * 60),
  ),
  item: text(1000),
});

/** The form as saved: every field optional, each bounded. */
export const proposalDraftSchema = z.strictObject({
  title: line(300),
  organisers: rows(proposalOrganiserSchema, 20),
  contacts: rows(proposalContactSchema, 20),
  materials: rows(proposalMaterialSchema, 30),
  description: text(20_000),
  objective: text(5_000),
  expectedResults: text(5_000),
  format: optional(z.enum(PROPOSAL_FORMATS)),
  durationMinutes: optional(
    z
      .int()
      .min(5)
      .max(24 * 60),
  ),
  expectedAttendance: optional(count(100_000)),
  requirements: optional(proposalRequirementsSchema),
  speakers: text(5_000).describe('speakers and level of participation'),
  moderator: optional(proposalPersonSchema),
  panellists: rows(proposalPanellistSchema, 30),
  programme: rows(programmeItemSchema, 30),
  preferredStarts: rows(timeSchema, 20).describe(
    "times it would like to begin at: wall clocks in the summit's zone, or instants with an offset",
  ),
});

export type ProposalDraft = z.output<typeof proposalDraftSchema>;
export type ProposalDraftInput = z.input<typeof proposalDraftSchema>;
/** The form's fields, in the order the form shows them. */
export const PROPOSAL_FIELDS = Object.keys(proposalDraftSchema.shape) as (keyof ProposalDraft)[];

/** What the submit check needs to know of the summit; what is not given is not checked. */
export type ProposalRefs = {
  /** Keys of the summit's delegations. */
  delegations?: ReadonlySet<string>;
  /** The summit's days, and the day (in the summit's zone) of a preferred start. */
  days?: readonly string[];
  dayOf?: (time: string) => string | null;
};
/** `code` and `params` name the problem for the client, which says it in the reader's language. */
export type SubmitProblem = {
  path: (string | number)[];
  message: string;
  code: string;
  params?: ProblemParams;
};

const isEmail = (s: string) => z.email().safeParse(s).success;
function isHttpLink(s: string): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Every reason the form cannot be submitted yet, each on its field. */
export function submitProblems(p: ProposalDraft, refs: ProposalRefs = {}): SubmitProblem[] {
  const out: SubmitProblem[] = [];
  const add = (path: SubmitProblem['path'], message: string, code: string, params?: ProblemParams) =>
    out.push({ path, message, code, ...(params && { params }) });
  const need = (value: unknown, path: SubmitProblem['path'], message: string, code: string) => {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      add(path, message, `proposal.${code}`);
  };
  need(p.title, ['title'], 'a proposal needs a title', 'title');
  need(
    p.organisers,
    ['organisers'],
    'name at least one organiser: a delegation of the summit or an organisation',
    'organisers',
  );
  (p.organisers ?? []).forEach((o, i) => {
    const named = [o.delegation, o.organisation].filter((x) => x !== undefined && x !== '').length;
    if (named !== 1)
      add(
        ['organisers', i],
        named === 0
          ? 'name the delegation or the organisation'
          : 'an organiser is a delegation or an organisation, not both',
        named === 0 ? 'proposal.organiserNone' : 'proposal.organiserBoth',
      );
    else if (o.delegation !== undefined && refs.delegations && !refs.delegations.has(o.delegation))
      add(['organisers', i, 'delegation'], `unknown delegation "${o.delegation}"`, 'unknownKey', {
        kind: 'delegation',
        key: o.delegation,
      });
  });
  need(p.contacts, ['contacts'], 'name at least one contact person with an e-mail address', 'contacts');
  (p.contacts ?? []).forEach((c, i) => {
    need(c.name, ['contacts', i, 'name'], 'a contact needs a name', 'contactName');
    if (c.email === undefined || c.email === '')
      add(['contacts', i, 'email'], 'a contact needs an e-mail address', 'proposal.contactEmail');
    else if (!isEmail(c.email))
      add(['contacts', i, 'email'], `"${c.email}" is not an e-mail address`, 'notEmail', { email: c.email });
  });
  (p.materials ?? []).forEach((m, i) => {
    need(m.title, ['materials', i, 'title'], 'a background material needs a title', 'materialTitle');
    if (m.url === undefined || m.url === '')
      add(['materials', i, 'url'], 'a background material needs a link', 'proposal.materialLink');
    else if (!isHttpLink(m.url)) add(['materials', i, 'url'], HTTP_LINK, 'httpLink');
  });
  need(p.description, ['description'], 'a proposal needs a brief description', 'description');
  need(p.objective, ['objective'], 'a proposal needs an objective', 'objective');
  need(p.expectedResults, ['expectedResults'], 'a proposal needs its expected results', 'expectedResults');
  need(p.format, ['format'], 'choose a format: standard, breakfast, lunch or reception', 'format');
  need(p.durationMinutes, ['durationMinutes'], 'give the duration in minutes', 'duration');
  if (p.moderator) need(p.moderator.name, ['moderator', 'name'], 'a moderator needs a name', 'moderatorName');
  (p.panellists ?? []).forEach((x, i) => {
    need(x.name, ['panellists', i, 'name'], 'a panellist needs a name', 'panellistName');
  });
  need(
    p.programme,
    ['programme'],
    'give a provisional programme whose items add up to the duration',
    'programme',
  );
  (p.programme ?? []).forEach((x, i) => {
    need(
      x.minutes,
      ['programme', i, 'minutes'],
      'each item of the programme needs its minutes',
      'itemMinutes',
    );
    need(x.item, ['programme', i, 'item'], 'each item of the programme needs a description', 'itemText');
  });
  const total = programmeMinutes(p.programme);
  if (p.programme?.length && p.durationMinutes !== undefined && total !== p.durationMinutes)
    add(
      ['programme'],
      `the items add up to ${total} minutes, the event lasts ${p.durationMinutes}`,
      'proposal.programmeSum',
      { total, duration: p.durationMinutes },
    );
  const seen = new Set<string>();
  (p.preferredStarts ?? []).forEach((t, i) => {
    const day = refs.dayOf?.(t);
    if (refs.days && day && !refs.days.includes(day)) {
      const [first, last] = [refs.days[0]!, refs.days.at(-1)!];
      add(
        ['preferredStarts', i],
        `${shortDay(day)} is not a day of the summit, which runs from ${shortDay(first)} to ${shortDay(last)}`,
        'proposal.notSummitDay',
        { day, first, last },
      );
    }
    if (seen.has(t)) add(['preferredStarts', i], 'lists this time twice', 'timeTwice');
    seen.add(t);
  });
  return out;
}

/** The submit check as a schema: the draft's rules, then every problem of `submitProblems`. */
export const proposalSubmitSchema = (refs: ProposalRefs = {}) =>
  proposalDraftSchema.superRefine((p, ctx) => {
    for (const { path, message, code, params } of submitProblems(p, refs))
      ctx.addIssue({ code: 'custom', path, message, params: problemParams(code, params) });
  });
