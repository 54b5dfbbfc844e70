// The proposal form as the browser holds it (every input's text, as typed) and as the API takes it
// (the draft of shared/schemas/proposal.ts). The browser keeps what was typed, half-filled rows
// included, in localStorage; the server gets the draft, which leaves out what is empty.
import type { ProposalDraftInput } from '../../../../shared/schemas/proposal.ts';
import type { ProposalView } from '../../../../shared/schemas/proposal-api.ts';

/** An organiser row: a delegation of the summit ("d:MDA"), another organisation ("other"), or none yet (""). */
export type OrganiserRow = { who: string; organisation: string };
export const OTHER_ORGANISATION = 'other';

export type FormValues = {
  title: string;
  organisers: OrganiserRow[];
  contacts: { name: string; title: string; email: string }[];
  materials: { title: string; url: string }[];
  description: string;
  objective: string;
  expectedResults: string;
  format: string;
  durationMinutes: string;
  expectedAttendance: string;
  requirements: { capacity: string; equipment: string[]; microphones: string; interpretation: string };
  speakers: string;
  moderator: { name: string; title: string; organisation: string };
  panellists: { name: string; title: string; organisation: string; dimension: string }[];
  programme: { minutes: string; item: string }[];
  /** A day of the summit and a wall clock in its zone. */
  preferredStarts: { day: string; time: string }[];
};

export const emptyRow = {
  organisers: { who: '', organisation: '' },
  contacts: { name: '', title: '', email: '' },
  materials: { title: '', url: '' },
  panellists: { name: '', title: '', organisation: '', dimension: '' },
  programme: { minutes: '', item: '' },
  preferredStarts: { day: '', time: '' },
} as const;
export type RowList = keyof typeof emptyRow;

export function emptyForm(): FormValues {
  return {
    title: '',
    organisers: [{ ...emptyRow.organisers }],
    contacts: [{ ...emptyRow.contacts }],
    materials: [],
    description: '',
    objective: '',
    expectedResults: '',
    format: '',
    durationMinutes: '',
    expectedAttendance: '',
    requirements: { capacity: '', equipment: [], microphones: '', interpretation: '' },
    speakers: '',
    moderator: { name: '', title: '', organisation: '' },
    panellists: [],
    programme: [{ ...emptyRow.programme }],
    preferredStarts: [],
  };
}

const text = (s: string | undefined) => s ?? '';
const number = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The form's inputs for a proposal as the API shows it. */
export function toFormValues(p: Partial<ProposalView>): FormValues {
  const r = p.requirements ?? {};
  return {
    title: text(p.title),
    organisers: (p.organisers ?? []).map((o) =>
      o.delegation
        ? { who: `d:${o.delegation}`, organisation: '' }
        : { who: o.organisation ? OTHER_ORGANISATION : '', organisation: text(o.organisation) },
    ),
    contacts: (p.contacts ?? []).map((c) => ({
      name: text(c.name),
      title: text(c.title),
      email: text(c.email),
    })),
    materials: (p.materials ?? []).map((m) => ({ title: text(m.title), url: text(m.url) })),
    description: text(p.description),
    objective: text(p.objective),
    expectedResults: text(p.expectedResults),
    format: text(p.format),
    durationMinutes: number(p.durationMinutes),
    expectedAttendance: number(p.expectedAttendance),
    requirements: {
      capacity: number(r.capacity),
      equipment: [...(r.equipment ?? [])],
      microphones: number(r.microphones),
      interpretation: (r.interpretation ?? []).join(', '),
    },
    speakers: text(p.speakers),
    moderator: {
      name: text(p.moderator?.name),
      title: text(p.moderator?.title),
      organisation: text(p.moderator?.organisation),
    },
    panellists: (p.panellists ?? []).map((x) => ({
      name: text(x.name),
      title: text(x.title),
      organisation: text(x.organisation),
      dimension: text(x.dimension),
    })),
    programme: (p.programme ?? []).map((x) => ({ minutes: number(x.minutes), item: text(x.item) })),
    // The API shows them in the summit's zone with its offset: "2018-12-07T08:30+01:00".
    preferredStarts: (p.preferredStarts ?? []).map((t) => ({ day: t.slice(0, 10), time: t.slice(11, 16) })),
  };
}

/** The members of `o` that hold something; undefined when none does. */
function filled<T extends Record<string, unknown>>(o: T): Partial<T> | undefined {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return Object.keys(out).length > 0 ? out : undefined;
}
const str = (s: string) => (s.trim() === '' ? undefined : s);
/** A number as typed; what is not a number is left out (the input shows it is not one). */
const num = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s));
const rows = <T>(xs: T[]) => (xs.length > 0 ? xs : undefined);

/**
 * The draft the API takes: empty inputs left out, an empty row kept as {} (it is where the
 * organiser was about to type), a preferred start only once it has both its day and its time.
 */
export function toDraft(v: FormValues): ProposalDraftInput {
  const draft: ProposalDraftInput = {
    title: str(v.title),
    organisers: rows(
      v.organisers.map((o) =>
        o.who.startsWith('d:')
          ? { delegation: o.who.slice(2) }
          : o.who === OTHER_ORGANISATION
            ? (filled({ organisation: str(o.organisation) }) ?? {})
            : {},
      ),
    ),
    contacts: rows(
      v.contacts.map((c) => filled({ name: str(c.name), title: str(c.title), email: str(c.email) }) ?? {}),
    ),
    materials: rows(v.materials.map((m) => filled({ title: str(m.title), url: str(m.url) }) ?? {})),
    description: str(v.description),
    objective: str(v.objective),
    expectedResults: str(v.expectedResults),
    format: str(v.format) as ProposalDraftInput['format'],
    durationMinutes: num(v.durationMinutes),
    expectedAttendance: num(v.expectedAttendance),
    requirements: filled({
      capacity: num(v.requirements.capacity),
      equipment: rows(v.requirements.equipment) as NonNullable<
        ProposalDraftInput['requirements']
      >['equipment'],
      microphones: num(v.requirements.microphones),
      interpretation: rows(
        v.requirements.interpretation
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
    }),
    speakers: str(v.speakers),
    moderator: filled({
      name: str(v.moderator.name),
      title: str(v.moderator.title),
      organisation: str(v.moderator.organisation),
    }),
    panellists: rows(
      v.panellists.map(
        (x) =>
          filled({
            name: str(x.name),
            title: str(x.title),
            organisation: str(x.organisation),
            dimension: str(x.dimension),
          }) ?? {},
      ),
    ),
    programme: rows(v.programme.map((x) => filled({ minutes: num(x.minutes), item: str(x.item) }) ?? {})),
    preferredStarts: rows(v.preferredStarts.filter((s) => s.day && s.time).map((s) => `${s.day}T${s.time}`)),
  };
  return filled(draft) ?? {};
}

/** The react-hook-form name of a problem's path: "contacts[0].email" → "contacts.0.email". */
export const fieldName = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/** The id of the control (or group) for a field name. */
export const fieldId = (name: string): string => `proposal-${name.replaceAll('.', '-')}`;
