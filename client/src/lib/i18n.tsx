import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../locales/en.ts';
import { DEFAULT_LOCALE, LOCALES } from '../locales/index.ts';
import { PSEUDO_FORMAT_LOCALE, PSEUDO_LOCALE } from '../locales/pseudo.ts';
import { type Compiled, compile, compilePseudo, formatMessage } from './messages.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
/**
 * `locale` picks the messages; `dateLocale` formats dates, numbers and lists through Intl (en-GB
 * writes "Friday 7 December 2018").
 */
type I18n = { locale: string; dateLocale: string; t: Translate; setLocale(locale: string): void };

const I18nContext = createContext<I18n | null>(null);

export function translator(locale: string): Translate {
  const pseudo = locale === PSEUDO_LOCALE;
  const code = locale in LOCALES ? locale : DEFAULT_LOCALE;
  const messages = LOCALES[code]!.messages;
  // Compiled on first use, once per language and message.
  const compiled = new Map<MessageKey, Compiled>();
  return (key, params) => {
    let c = compiled.get(key);
    if (!c) {
      c = pseudo ? compilePseudo(messages[key]) : compile(messages[key], code);
      compiled.set(key, c);
    }
    return formatMessage(c, params);
  };
}

// One translator per language for the page's life: switching back finds its messages compiled.
const translators = new Map<string, Translate>();
function translatorFor(locale: string): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = translator(locale);
    translators.set(locale, t);
  }
  return t;
}

function initialLocale(): string {
  if (localStorage.getItem('locale') === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const wanted = [localStorage.getItem('locale') ?? '', ...navigator.languages].map((l) => l.slice(0, 2));
  return wanted.find((l) => l in LOCALES) ?? DEFAULT_LOCALE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  // <html lang> names the language the page is written in, from the first render on.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      dateLocale:
        locale === PSEUDO_LOCALE
          ? PSEUDO_FORMAT_LOCALE
          : (navigator.languages.find((l) => l.slice(0, 2) === locale) ?? locale),
      t: translatorFor(locale),
      setLocale: (l) => {
        localStorage.setItem('locale', l);
        setLocaleState(l);
      },
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
