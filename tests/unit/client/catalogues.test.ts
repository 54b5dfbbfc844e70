// Every language of the app says every message, as ICU MessageFormat, with the same arguments as
// the English: a missing or renamed {argument} would show a raw placeholder, or drop a name, in that
// language; a message that does not parse would break its page.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { argumentsOf as sharedArgumentsOf, compile } from '../../../client/src/lib/messages.ts';
import { en } from '../../../client/src/locales/en.ts';
import { LOCALES } from '../../../client/src/locales/index.ts';

/** A message's argument names, sorted (the helper the app itself uses). */
const argumentsOf = (message: string, code: string) =>
  sharedArgumentsOf(compile(message, code).format.getAst() as never);

describe('the message catalogues', () => {
  for (const [code, { name, messages }] of Object.entries(LOCALES)) {
    it(`${name} (${code}) has exactly the English keys`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${name} (${code}) gives each message the arguments of its English twin, and no empty one`, () => {
      const differing = Object.keys(en).filter(
        (key) =>
          argumentsOf(messages[key as keyof typeof en], code).join() !==
          argumentsOf(en[key as keyof typeof en], 'en').join(),
      );
      expect(differing).toEqual([]);
      expect(Object.keys(en).filter((key) => messages[key as keyof typeof en].trim() === '')).toEqual([]);
    });
  }
  it('writes simple arguments as given (a year is not "2,018") and plurals by the language’s rules', () => {
    const t = translator('en');
    expect(t('summit.dates', { start: 2018, end: 2019 })).toBe('2018 – 2019');
    expect([1, 2, 2018].map((count) => t('directory.size', { count }))).toEqual([
      '1 delegate',
      '2 delegates',
      '2,018 delegates',
    ]);
    expect(t('app.error', {})).toBe('Something went wrong: {message}');
    const fr = translator('fr');
    expect([0, 1, 2].map((count) => fr('directory.size', { count }))).toEqual([
      '0 délégué',
      '1 délégué',
      '2 délégués',
    ]);
    const es = translator('es');
    expect([0, 1, 2].map((count) => es('directory.size', { count }))).toEqual([
      '0 delegados',
      '1 delegado',
      '2 delegados',
    ]);
  });
  it('names each language in its own words', () => {
    expect(Object.fromEntries(Object.entries(LOCALES).map(([code, l]) => [code, l.name]))).toEqual({
      en: 'English',
      fr: 'Français',
      es: 'Español',
    });
  });
});
