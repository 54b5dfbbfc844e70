// The form's problems, from the browser's check (the shared schema) or the server's 400, each on
// its field, and all of them in a summary at the top whose links take the focus to the field.
import { createContext, useContext } from 'react';
import { ErrorSummary } from '../../components/error-summary.tsx';
import type { Problem } from '../../../../shared/schemas/problems.ts';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { joinProblems, problemText } from '../../lib/problem-text.ts';
import type { MessageKey } from '../../locales/en.ts';
import { fieldId, fieldName, type FormValues } from './form-values.ts';

const ProblemsContext = createContext<readonly Problem[]>([]);
export const ProblemsProvider = ProblemsContext.Provider;

/** The messages on these fields (a row's select also says what is wrong with the row). */
export function useFieldMessage(...names: string[]): string | undefined {
  const problems = useContext(ProblemsContext);
  const { t, dateLocale } = useI18n();
  const messages = problems
    .filter((p) => names.includes(fieldName(p.path)))
    .map((p) => problemText(t, p, dateLocale));
  return messages.length > 0 ? joinProblems(messages) : undefined;
}

const FIELDS: Record<keyof FormValues, MessageKey> = {
  title: 'proposal.title',
  organisers: 'proposal.organisers',
  contacts: 'proposal.contacts',
  materials: 'proposal.materials',
  description: 'proposal.description',
  objective: 'proposal.objective',
  expectedResults: 'proposal.expectedResults',
  format: 'proposal.format',
  durationMinutes: 'proposal.duration',
  expectedAttendance: 'proposal.attendance',
  requirements: 'proposal.requirements',
  speakers: 'proposal.speakers',
  moderator: 'proposal.moderator',
  panellists: 'proposal.panellists',
  programme: 'proposal.programme',
  preferredStarts: 'proposal.preferredStarts',
};
const MEMBERS: Record<string, MessageKey> = {
  name: 'proposal.member.name',
  title: 'proposal.member.title',
  email: 'proposal.member.email',
  url: 'proposal.member.url',
  organisation: 'proposal.member.organisation',
  delegation: 'proposal.member.delegation',
  dimension: 'proposal.member.dimension',
  minutes: 'proposal.member.minutes',
  item: 'proposal.member.item',
  capacity: 'proposal.capacity',
  equipment: 'proposal.equipment',
  microphones: 'proposal.microphones',
  interpretation: 'proposal.interpretation',
};

/** Where a problem is, in words: "Contact persons, 2, E-mail address". */
export function problemPlace(t: Translate, path: string): string {
  const [top, ...rest] = fieldName(path).split('.');
  const parts = [top && top in FIELDS ? t(FIELDS[top as keyof FormValues]) : top];
  for (const part of rest)
    parts.push(/^\d+$/.test(part) ? String(Number(part) + 1) : MEMBERS[part] ? t(MEMBERS[part]!) : part);
  return parts.filter(Boolean).join(', ');
}

/** The control a problem is about: its own, or the nearest group around it (a row, a list). */
function focusField(path: string) {
  const parts = fieldName(path).split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/** The problems in the shared error summary, each linked to its field (or its row or list). */
export function ProposalProblems({ problems, refused }: { problems: readonly Problem[]; refused: number }) {
  const { t, dateLocale } = useI18n();
  return (
    <ErrorSummary
      refused={refused}
      title={t('proposal.problems', { count: problems.length })}
      items={problems.map((p) => ({
        key: `${p.path}|${p.message}`,
        text: p.path
          ? t('problem.at', { place: problemPlace(t, p.path), problem: problemText(t, p, dateLocale) })
          : problemText(t, p, dateLocale),
        target: p.path ? fieldId(fieldName(p.path)) : undefined,
        focus: () => focusField(p.path),
      }))}
    />
  );
}
