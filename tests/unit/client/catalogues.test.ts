// Every language of the app says every message, with the same arguments as the English: a missing or
// renamed {argument} would show a raw placeholder, or drop a name, in that language.
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/locales/en.ts';
import { LOCALES } from '../../../client/src/locales/index.ts';

const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  for (const [code, { name, messages }] of Object.entries(LOCALES)) {
    it(`${name} (${code}) has exactly the English keys`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${name} (${code}) gives each message the arguments of its English twin, and no empty one`, () => {
      const differing = Object.keys(en).filter(
        (key) =>
          argumentsOf(messages[key as keyof typeof en]).join() !==
          argumentsOf(en[key as keyof typeof en]).join(),
      );
      expect(differing).toEqual([]);
      expect(Object.keys(en).filter((key) => messages[key as keyof typeof en].trim() === '')).toEqual([]);
    });
  }
  it('names each language in its own words', () => {
    expect(Object.fromEntries(Object.entries(LOCALES).map(([code, l]) => [code, l.name]))).toEqual({
      en: 'English',
      fr: 'Français',
      es: 'Español',
    });
  });
});
