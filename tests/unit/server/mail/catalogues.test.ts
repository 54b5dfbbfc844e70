// The server's messages (mail, invitations, export headings) in every language it writes, with the
// same keys and ICU arguments as the English; plurals by each language's rules; dates through Intl
// in the reader's language, in the summit's zone (tests run in Asia/Kathmandu).
import { describe, expect, it } from 'vitest';
import { compile, argumentsOf as sharedArgumentsOf } from '../../../../shared/domain/messages.ts';
import { en } from '../../../../server/modules/mail/locales/en.ts';
import {
  CATALOGUES,
  intervalText,
  momentText,
  preferredLanguage,
  translator,
} from '../../../../server/modules/mail/i18n.ts';

/** A message's argument names, sorted (the helper the app itself uses). */
const argumentsOf = (message: string, code: string) =>
  sharedArgumentsOf(compile(message, code).format.getAst() as never);

describe('the server’s message catalogues', () => {
  for (const [code, messages] of Object.entries(CATALOGUES)) {
    it(`${code} has exactly the English keys`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${code} gives each message the arguments of its English twin, and no empty one`, () => {
      const keys = Object.keys(en) as (keyof typeof en)[];
      expect(
        keys.filter((k) => argumentsOf(messages[k], code).join() !== argumentsOf(en[k], 'en').join()),
      ).toEqual([]);
      expect(keys.filter((k) => messages[k].trim() === '')).toEqual([]);
    });
  }

  it('counts delegates by each language’s rules (French 0 délégué, Spanish 0 delegados)', () => {
    const sentence = (language: 'en' | 'fr' | 'es', size: number) =>
      translator(language)('invite.delegationRole', {
        summit: 'GFMD 2018',
        role: 'delegate',
        delegation: 'Moldova',
        size,
      }).replace(/^.*, /, '');
    expect([0, 1, 2].map((n) => sentence('en', n))).toEqual([
      'a delegation of 0 delegates.',
      'a delegation of 1 delegate.',
      'a delegation of 2 delegates.',
    ]);
    expect([0, 1, 2].map((n) => sentence('fr', n))).toEqual([
      'une délégation de 0 délégué.',
      'une délégation de 1 délégué.',
      'une délégation de 2 délégués.',
    ]);
    expect([0, 1, 2].map((n) => sentence('es', n))).toEqual([
      'una delegación de 0 delegados.',
      'una delegación de 1 delegado.',
      'una delegación de 2 delegados.',
    ]);
  });

  it('writes a session’s time in the reader’s language but the summit’s zone', () => {
    // 09:00–10:30 UTC is 10:00–11:30 in Marrakesh (UTC+1 since October 2018), whatever the process's zone.
    const [start, end] = [Date.UTC(2018, 11, 7, 9, 0), Date.UTC(2018, 11, 7, 10, 30)];
    expect(
      (['en', 'fr', 'es'] as const).map((l) => intervalText(l, start, end, 'Africa/Casablanca', 'long')),
    ).toEqual([
      'Friday 7 December 2018, 10:00–11:30',
      'vendredi 7 décembre 2018, 10:00–11:30',
      'viernes, 7 de diciembre de 2018, 10:00–11:30',
    ]);
    expect(intervalText('en', start, end, 'Africa/Casablanca', 'short')).toBe('Fri 7 Dec 10:00–11:30');
    expect(momentText('fr', Date.UTC(2018, 8, 28, 22, 59), 'Africa/Casablanca')).toBe(
      'ven. 28 sept. 2018 à 23:59 (Africa/Casablanca)',
    );
  });

  it('reads the preferred language of an Accept-Language header among its own', () => {
    expect(
      ['fr-CH, fr;q=0.9, en;q=0.8', 'de-DE, es;q=0.5, en;q=0.4', 'de, it', '', 'en;q=0, es'].map((h) =>
        preferredLanguage(h),
      ),
    ).toEqual(['fr', 'es', null, null, 'es']);
  });
});
