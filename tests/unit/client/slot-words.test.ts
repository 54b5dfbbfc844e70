// Why a slot cannot be booked, written in the reader's language from the API's `why`: one case per
// code in English, French and Spanish, and the English sentence equal to the API's `reason`
// (`sayWhy`) for every case, so that the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { slotWhyText } from '../../../client/src/features/marketplace/slot-words.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { problemText } from '../../../client/src/lib/problem-text.ts';
import { type SlotWhy, sayWhy, whyProblem } from '../../../shared/domain/marketplace.ts';

const LOCALES = { en: 'en-GB', fr: 'fr', es: 'es' } as const;
const say = (lang: keyof typeof LOCALES, why: SlotWhy) => slotWhyText(translator(lang), why, LOCALES[lang]);

const CASES: { name: string; why: SlotWhy; en: string; fr: string; es: string }[] = [
  {
    name: 'begun',
    why: { code: 'begun' },
    en: 'This slot has begun',
    fr: 'Ce créneau a déjà commencé',
    es: 'Esta franja ya ha empezado',
  },
  {
    name: 'tableTaken',
    why: { code: 'tableTaken', table: 'Table 3' },
    en: 'Table 3 is taken at this time',
    fr: 'Une consultation occupe déjà Table 3 à cette heure',
    es: 'Una consulta ya ocupa Table 3 a esta hora',
  },
  {
    name: 'roomHosts',
    why: { code: 'roomHosts', table: 'Argan', session: 'RT 1.2' },
    en: 'Argan hosts “RT 1.2” then',
    fr: 'Argan accueille « RT 1.2 » à cette heure',
    es: 'Argan acoge «RT 1.2» a esta hora',
  },
  {
    name: 'overCommitted, one person, one session',
    why: { code: 'overCommitted', delegation: 'Moldova', size: 1, sessions: ['RT 1.2'], consultations: [] },
    en: 'Moldova has 1 person and is committed to “RT 1.2” then',
    fr: 'Moldova n’a qu’une personne inscrite, déjà engagée dans « RT 1.2 » à cette heure',
    es: 'Moldova solo tiene una persona inscrita, ya comprometida con «RT 1.2» a esta hora',
  },
  {
    name: 'overCommitted, two people, a session and a consultation',
    why: {
      code: 'overCommitted',
      delegation: 'IOM',
      size: 2,
      sessions: ['RT 1.2', 'Opening'],
      consultations: ['Border data'],
    },
    en: 'IOM has 2 people and is committed to “RT 1.2”, “Opening” and “Marketplace: Border data” then',
    fr: 'IOM n’a que 2 personnes inscrites, déjà engagées dans « RT 1.2 », « Opening » et « Marketplace : Border data » à cette heure',
    es: 'IOM solo tiene 2 personas inscritas, ya comprometidas con «RT 1.2», «Opening» y «Marketplace: Border data» a esta hora',
  },
  {
    name: 'overCommitted, no one registered',
    why: { code: 'overCommitted', delegation: 'The Gambia', size: 0, sessions: [], consultations: [] },
    en: 'The Gambia has no one registered to attend',
    fr: 'The Gambia n’a personne d’inscrit pour y assister',
    es: 'The Gambia no tiene a nadie inscrito para asistir',
  },
  {
    name: 'capReached, another delegation, cap of 1',
    why: { code: 'capReached', delegation: 'ICMPD', cap: 1 },
    en: 'ICMPD has reached its 1 consultation',
    fr: 'ICMPD a atteint son plafond de 1 consultation',
    es: 'ICMPD ha alcanzado su límite de 1 consulta',
  },
  {
    name: 'capReached, your delegation, cap of 3',
    why: { code: 'capReached', delegation: null, cap: 3 },
    en: 'Your delegation has reached its 3 consultations',
    fr: 'Votre délégation a atteint son plafond de 3 consultations',
    es: 'Su delegación ha alcanzado su límite de 3 consultas',
  },
];

describe('slot reasons in the reader’s language', () => {
  for (const c of CASES)
    it(`${c.name}: English, French and Spanish`, () => {
      expect([say('en', c.why), say('fr', c.why), say('es', c.why)]).toEqual([c.en, c.fr, c.es]);
    });

  for (const c of CASES)
    it(`${c.name}: the English sentence is the API's reason`, () => {
      expect(sayWhy(c.why)).toBe(c.en);
    });

  it('every code has a case', () => {
    expect(new Set(CASES.map((c) => c.why.code))).toEqual(
      new Set(['begun', 'tableTaken', 'roomHosts', 'overCommitted', 'capReached']),
    );
  });

  // A refused booking's problem: its code and flat params say the same as the API's English message,
  // but for a delegation over-committed, whose titles the params do not carry (the refusal's `why` does).
  for (const c of CASES)
    it(`${c.name}: a refused booking's problem, from its code, in English, French and Spanish`, () => {
      const problem = { path: 'slot', message: sayWhy(c.why), ...whyProblem(c.why) };
      const texts = (['en', 'fr', 'es'] as const).map((l) => problemText(translator(l), problem));
      const over = c.why.code === 'overCommitted' && c.why.size > 0;
      expect(texts).toEqual(over ? PROBLEMS[c.name] : [c.en, c.fr, c.es]);
    });
});

/** A refused booking's problem where it differs from the slot's reason: no titles. */
const PROBLEMS: Record<string, string[]> = {
  'overCommitted, one person, one session': [
    'Moldova has 1 person, committed elsewhere then',
    'Moldova n’a qu’une personne inscrite, déjà engagée ailleurs à cette heure',
    'Moldova solo tiene una persona inscrita, ya comprometida en otra parte a esta hora',
  ],
  'overCommitted, two people, a session and a consultation': [
    'IOM has 2 people, all committed elsewhere then',
    'IOM n’a que 2 personnes inscrites, toutes engagées ailleurs à cette heure',
    'IOM solo tiene 2 personas inscritas, todas comprometidas en otra parte a esta hora',
  ],
};
