// The languages a session is held in and interpreted into: ISO 639-1 codes ("en", "fr", "es").
// People read them by name in their own language (Intl.DisplayNames in the browser).

/** ISO 639-1 (the codes withdrawn from it, such as "iw" and "mo", left out). */
export const LANGUAGE_CODES: ReadonlySet<string> = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de ' +
    'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ' +
    'ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu ' +
    'lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu ' +
    'rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ' +
    'ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

export const isLanguageCode = (code: string): boolean => LANGUAGE_CODES.has(code);

/** A language's names in the GFMD's three languages, lower-cased, for reading what people typed. */
const NAMES: Record<string, string[]> = {
  ar: ['arabic', 'arabe', 'árabe'],
  zh: ['chinese', 'chinois', 'chino'],
  en: ['english', 'anglais', 'inglés', 'ingles'],
  fr: ['french', 'français', 'francais', 'francés', 'frances'],
  ru: ['russian', 'russe', 'ruso'],
  es: ['spanish', 'espagnol', 'español', 'espanol'],
  pt: ['portuguese', 'portugais', 'portugués', 'portugues'],
  de: ['german', 'allemand', 'alemán', 'aleman'],
  it: ['italian', 'italien', 'italiano'],
};

/**
 * The code of a language as someone typed it on a form ("fr", "French", "Español"), or null when
 * it is not one that can be told for sure.
 */
export function languageCodeOf(text: string): string | null {
  const word = text.trim().toLowerCase();
  if (isLanguageCode(word)) return word;
  for (const [code, names] of Object.entries(NAMES)) if (names.includes(word)) return code;
  return null;
}

type Languages = {
  languages?: readonly string[] | undefined;
  interpretation?: readonly string[] | undefined;
};

/** A session's languages as the file and the API write them: a list only when it says something. */
export function languagesOf(s: Languages): { languages?: string[]; interpretation?: string[] } {
  return {
    ...(s.languages?.length ? { languages: [...s.languages] } : {}),
    ...(s.interpretation?.length ? { interpretation: [...s.interpretation] } : {}),
  };
}
