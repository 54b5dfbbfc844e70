// A problem with a request, said in the reader's language. The API's `message` is English; its
// `code` and `params` (shared/schemas/problems.ts) name the problem, and the catalogue says it:
// `problem.tooLong` with `{ maximum: 200 }` is "Ne doit pas dépasser 200 caractères.". A code the
// catalogue does not know (a newer server) falls back to the English message.
import type { Problem, ProblemParams } from '../../../shared/schemas/problems.ts';
import { en, type MessageKey } from '../locales/en.ts';
import type { Translate } from './i18n.tsx';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day ("2018-12-09") in the reader's language, as a sentence says it: "dimanche 9 décembre",
 * "domingo 9 de diciembre" (Intl writes "domingo, 9 de diciembre", a heading's form; only English
 * keeps the comma after the weekday).
 */
function dayText(day: string, dateLocale: string | undefined): string {
  const format = new Intl.DateTimeFormat(dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const english = format.resolvedOptions().locale.startsWith('en');
  return format
    .formatToParts(new Date(`${day}T00:00:00Z`))
    .map((part, i, parts) =>
      !english && part.type === 'literal' && parts[i - 1]?.type === 'weekday'
        ? part.value.replace(/^,\s*/, ' ')
        : part.value,
    )
    .join('');
}

const withDays = (params: ProblemParams, dateLocale: string | undefined): ProblemParams =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && ISO_DAY.test(value) ? dayText(value, dateLocale) : value,
    ]),
  );

/**
 * The problem in the reader's language, from its code and params; the English message for a code
 * the catalogue does not know, or none. `dateLocale` writes the days a problem names (useI18n's).
 */
export function problemText(t: Translate, problem: Problem, dateLocale?: string): string {
  const key = `problem.${problem.code}`;
  if (problem.code === undefined || !(key in en)) return problem.message;
  return t(key as MessageKey, withDays(problem.params ?? {}, dateLocale));
}

/** Several problems of one field: each a sentence of its own, or joined by ";" where one is not. */
export const joinProblems = (texts: readonly string[]): string =>
  texts.reduce((all, text) => (all === '' ? text : `${all}${/[.!?]$/.test(all) ? ' ' : '; '}${text}`), '');
