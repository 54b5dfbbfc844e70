// The server's words in the reader's language: the catalogues of locales/ (ICU MessageFormat, the
// same helper as the client's), and dates and times through Intl in that language but always in
// the summit's time zone, whatever the process's own zone.
import { type Compiled, compile, formatMessage } from '../../../shared/domain/messages.ts';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary.ts';
import { en, type MailKey } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';

export type { MailKey };
export const CATALOGUES: Record<Language, Record<MailKey, string>> = { en, fr, es };
/** The locale Intl formats dates in: en-GB writes "Friday 7 December 2018". */
const DATE_LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

export type Translate = (key: MailKey, params?: Record<string, string | number>) => string;

const compiled = new Map<string, Compiled>();
/** The messages of one language, each compiled on first use. */
export function translator(language: Language): Translate {
  const messages = CATALOGUES[language];
  return (key, params) => {
    const id = `${language}|${key}`;
    let c = compiled.get(id);
    if (!c) {
      c = compile(messages[key], language);
      compiled.set(id, c);
    }
    return formatMessage(c, params);
  };
}

/** A language code read from outside (a query, a header, a column); anything else is null. */
export const asLanguage = (code: string | null | undefined): Language | null =>
  (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : null;

/**
 * The language an Accept-Language header prefers among ours ("fr-CH, fr;q=0.9, en;q=0.8" → fr),
 * or null when it names none of them.
 */
export function preferredLanguage(header: string | undefined): Language | null {
  let best: { language: Language; q: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const language = asLanguage(tag.trim().slice(0, 2).toLowerCase());
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (language && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? null;
}

const lists = new Map<Language, Intl.ListFormat>();
/** "a, b and c" in the language. */
export function listText(language: Language, items: readonly string[]): string {
  let f = lists.get(language);
  if (!f) {
    f = new Intl.ListFormat(DATE_LOCALE[language], { type: 'conjunction' });
    lists.set(language, f);
  }
  return f.format(items);
}

// Making a DateTimeFormat costs far more than using one: one per language, zone and pattern.
const formats = new Map<string, Intl.DateTimeFormat>();
type Style = 'long' | 'short' | 'year' | 'time';
const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
  year: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};
function format(language: Language, timeZone: string, style: Style): Intl.DateTimeFormat {
  const id = `${language}|${timeZone}|${style}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(DATE_LOCALE[language], { timeZone, ...OPTIONS[style] });
    formats.set(id, f);
  }
  return f;
}

/**
 * A day in the summit's zone: "Friday 7 December 2018" (long), "Thu 6 Dec" (short), "Fri 7 Dec
 * 2018" (year); in French "vendredi 7 décembre 2018", in Spanish "viernes, 7 de diciembre de 2018".
 * English is written without Intl's commas, as Convene always wrote it.
 */
export function dayText(language: Language, ms: number, timeZone: string, style: Exclude<Style, 'time'>) {
  const f = format(language, timeZone, style);
  if (language !== 'en') return f.format(ms);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return [p.weekday, p.day, p.month, p.year].filter(Boolean).join(' ');
}

/** "10:00" in the summit's zone. */
export const timeText = (language: Language, ms: number, timeZone: string) =>
  format(language, timeZone, 'time').format(ms);

/** "Friday 7 December 2018, 10:00–11:30" (long) or "Thu 6 Dec 11:45–12:15" (short); the end's day too when it differs. */
export function intervalText(
  language: Language,
  start: number,
  end: number,
  timeZone: string,
  style: 'long' | 'short',
): string {
  const [a, b] = [dayText(language, start, timeZone, style), dayText(language, end, timeZone, style)];
  const sep = style === 'long' ? ', ' : ' ';
  const endDay = a === b ? '' : `${b}${sep}`;
  return `${a}${sep}${timeText(language, start, timeZone)}–${endDay}${timeText(language, end, timeZone)}`;
}

/** "Fri 7 Dec 2018 at 23:59 (Africa/Casablanca)": a deadline. */
export const momentText = (language: Language, ms: number, timeZone: string) =>
  translator(language)('date.moment', {
    day: dayText(language, ms, timeZone, 'year'),
    time: timeText(language, ms, timeZone),
    zone: timeZone,
  });
