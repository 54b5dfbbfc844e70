// Languages by name in the reader's language ("anglais", "inglés"), from their ISO 639-1 codes.
import type { Translate } from './i18n.tsx';

const namers = new Map<string, Intl.DisplayNames>();

/** "French" (en), "français" (fr), "francés" (es): a code the browser cannot name stays a code. */
export function languageName(code: string, locale: string): string {
  let namer = namers.get(locale);
  if (!namer) {
    namer = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    namers.set(locale, namer);
  }
  return namer.of(code) ?? code;
}

/** "English and French" in the reader's language. */
export const languageList = (codes: readonly string[], locale: string): string =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(codes.map((c) => languageName(c, locale)));

/** Choices of languages, by name in alphabetical order of the reader's language. */
export function languageOptions(codes: Iterable<string>, locale: string): [string, string][] {
  const collator = new Intl.Collator(locale);
  return [...new Set(codes)]
    .map((c): [string, string] => [c, languageName(c, locale)])
    .sort((a, b) => collator.compare(a[1], b[1]));
}

/** "Held in English; interpretation into French and Spanish", or "" when neither is said. */
export function sessionLanguages(
  t: Translate,
  locale: string,
  s: { languages?: readonly string[]; interpretation?: readonly string[] },
): string {
  const languages = s.languages?.length ? languageList(s.languages, locale) : null;
  const interpretation = s.interpretation?.length ? languageList(s.interpretation, locale) : null;
  if (languages && interpretation)
    return t('session.heldInWithInterpretation', { languages, interpretation });
  if (languages) return t('session.heldIn', { languages });
  return interpretation ? t('session.interpretationInto', { languages: interpretation }) : '';
}
