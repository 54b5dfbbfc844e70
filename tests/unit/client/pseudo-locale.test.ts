// The pseudo-locale (client/src/locales/pseudo.ts): every message accented, bracketed and longer,
// its arguments left as given, so that a page in it shows plain letters only where data or
// hard-coded English is (tests/e2e/pseudo-locale.test.ts walks the pages).
import { describe, expect, it } from 'vitest';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { argumentsOf, compile } from '../../../client/src/lib/messages.ts';
import { en, type MessageKey } from '../../../client/src/locales/en.ts';
import { accent } from '../../../client/src/locales/pseudo.ts';

const pseudo = translator('en-XA');

describe('the pseudo-locale', () => {
  it('accents every letter, keeps the arguments as given and makes the message longer', () => {
    expect(accent('Convene, GFMD 2018!')).toBe('Çöñṽéñé, ĜƑṀĐ 2018!');
    expect(pseudo('app.name')).toBe('⟦Çöñṽéñé ··⟧');
    expect(pseudo('summit.dates', { start: 'Mon', end: 'Tue' })).toBe('⟦Mon – Tue ····⟧');
    expect([1, 2].map((count) => pseudo('directory.size', { count }))).toEqual([
      '⟦1 ðéļéĝåţé ····⟧',
      '⟦2 ðéļéĝåţéš ····⟧',
    ]);
  });

  it('leaves no plain letter in any message of the English catalogue, in any plural case', () => {
    const plain: string[] = [];
    for (const key of Object.keys(en) as MessageKey[]) {
      const names = argumentsOf(compile(en[key], 'en').format.getAst() as never);
      for (const count of [0, 1, 2]) {
        // Every argument a number: a simple one is written as given, a plural one picks its case.
        const text = pseudo(key, Object.fromEntries(names.map((n) => [n, count])));
        if (/[A-Za-z]/.test(text)) plain.push(`${key}: ${text}`);
      }
    }
    expect(plain).toEqual([]);
  });

  it('is at least 30 % longer than the English it stands for', () => {
    const short = (Object.keys(en) as MessageKey[]).filter((key) => {
      const names = argumentsOf(compile(en[key], 'en').format.getAst() as never);
      const params = Object.fromEntries(names.map((n) => [n, 2]));
      const english = translator('en')(key, params);
      return pseudo(key, params).length - 2 < english.length * 1.3 - 1;
    });
    expect(short).toEqual([]);
  });
});
