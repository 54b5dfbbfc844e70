// Conflicts written in the reader's language from their structured fields: one case per code in
// English, French and Spanish, and the English sentence equal to the API's `message` on random
// programmes, so that the two cannot drift apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictContext, conflictWriter } from '../../../client/src/features/conflicts/conflict-words.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { detectConflicts } from '../../../shared/domain/conflicts/engine.ts';
import { CONFLICT_CODES, type Conflict } from '../../../shared/domain/conflicts/types.ts';
import { conflictFile, conflictInput } from '../../factories/conflicts.ts';
import { MARRAKESH_OFFSETS, programmeArbitrary } from '../../factories/random-programme.ts';

const LOCALES = { en: 'en-GB', fr: 'fr', es: 'es' } as const;
type Case = Parameters<typeof conflictFile>[0];
const fri = (from: string, to: string) => ({ start: `2018-12-07T${from}`, end: `2018-12-07T${to}` });
const speaker = (person: string) => [{ person, role: 'speaker' as const }];
const organiser = (delegation: string) => [{ delegation, role: 'organiser' as const }];

/** Each code's smallest programme: the sessions that make exactly that one conflict. */
const CASES: Record<(typeof CONFLICT_CODES)[number], Case> = {
  ROOM_DOUBLE_BOOKED: [
    { key: 'a', title: 'Opening', room: 'menara', ...fri('08:00', '09:00') },
    { key: 'b', title: 'Briefing', room: 'menara', ...fri('08:30', '09:30') },
  ],
  CHANGEOVER_TOO_SHORT: [
    { key: 'a', title: 'Opening', room: 'orangeraie', ...fri('08:00', '09:00') },
    { key: 'b', title: 'Briefing', room: 'orangeraie', ...fri('09:05', '09:30') },
  ],
  PERSON_DOUBLE_BOOKED: [
    {
      key: 'a',
      title: 'Opening',
      room: 'menara',
      participants: speaker('p-chirita'),
      ...fri('08:00', '09:00'),
    },
    {
      key: 'b',
      title: 'Briefing',
      room: 'atlas',
      participants: speaker('p-chirita'),
      ...fri('08:30', '09:30'),
    },
  ],
  TRAVEL_TOO_SHORT: [
    {
      key: 'a',
      title: 'Opening',
      room: 'menara',
      participants: speaker('p-chirita'),
      ...fri('08:00', '09:00'),
    },
    {
      key: 'b',
      title: 'Briefing',
      room: 'atlas',
      participants: speaker('p-chirita'),
      ...fri('09:01', '10:00'),
    },
  ],
  DELEGATION_OVERCOMMITTED: [
    { key: 'a', title: 'Opening', participants: organiser('MDA'), ...fri('08:00', '09:00') },
    { key: 'b', title: 'Briefing', participants: organiser('MDA'), ...fri('08:30', '09:30') },
    { key: 'c', title: 'Lunch', participants: organiser('MDA'), ...fri('08:45', '09:15') },
  ],
  SIDE_EVENT_OVER_OFFICIAL: [
    { key: 'a', kind: 'plenary', title: 'Opening', participants: organiser('MDA'), ...fri('08:00', '09:00') },
    {
      key: 'b',
      kind: 'side_event',
      title: 'Capacity building',
      participants: [{ delegation: 'MDA', role: 'participant' }],
      ...fri('08:30', '09:30'),
    },
  ],
  CAPACITY_EXCEEDED: [
    { key: 'a', title: 'Opening', room: 'atlas', expectedAttendance: 120, ...fri('10:00', '11:00') },
  ],
  EQUIPMENT_MISSING: [
    {
      key: 'a',
      title: 'Opening',
      room: 'orangeraie',
      equipment: ['interpretation', 'hdmi'],
      microphones: 7,
      ...fri('11:00', '11:30'),
    },
  ],
  OUTSIDE_WINDOW: [
    {
      key: 'a',
      title: 'Late breakfast',
      segment: 'breakfast',
      start: '2018-12-07T23:30',
      end: '2018-12-08T00:30',
    },
  ],
};

const EXPECTED: Record<keyof typeof CASES, Record<keyof typeof LOCALES, string>> = {
  ROOM_DOUBLE_BOOKED: {
    en: 'Menara Room is booked twice on Fri 7 Dec 08:30–09:00: "Opening" and "Briefing".',
    fr: 'Menara Room est réservée deux fois le ven. 7 déc. 08:30–09:00 : « Opening » et « Briefing ».',
    es: 'Menara Room está reservada dos veces el vie, 7 dic 08:30–09:00: «Opening» y «Briefing».',
  },
  CHANGEOVER_TOO_SHORT: {
    en: 'Orangeraie Room has 5 minutes between "Opening" and "Briefing" on Fri 7 Dec 09:00–09:05; it needs 15 to change over.',
    fr: 'Orangeraie Room n’a que 5 minutes entre « Opening » et « Briefing » le ven. 7 déc. 09:00–09:05 ; il en faut 15 pour la remettre en place.',
    es: 'Orangeraie Room solo tiene 5 minutos entre «Opening» y «Briefing» el vie, 7 dic 09:00–09:05; necesita 15 minutos para el cambio.',
  },
  PERSON_DOUBLE_BOOKED: {
    en: 'Oleg Chirita is expected at "Opening" and "Briefing" at once on Fri 7 Dec 08:30–09:00.',
    fr: 'Oleg Chirita devrait être à la fois à « Opening » et à « Briefing » le ven. 7 déc. 08:30–09:00.',
    es: 'Se espera a Oleg Chirita a la vez en «Opening» y en «Briefing» el vie, 7 dic 08:30–09:00.',
  },
  TRAVEL_TOO_SHORT: {
    en: 'Oleg Chirita has 1 minute on Fri 7 Dec 09:00–09:01 to go from "Opening" (Conference Centre) to "Briefing" (Hotel); the walk takes 10.',
    fr: 'Oleg Chirita n’a que 1 minute le ven. 7 déc. 09:00–09:01 pour aller de « Opening » (Conference Centre) à « Briefing » (Hotel) ; le trajet à pied prend 10 minutes.',
    es: 'Oleg Chirita solo tiene 1 minuto el vie, 7 dic 09:00–09:01 para ir de «Opening» (Conference Centre) a «Briefing» (Hotel); a pie se tarda 10 minutos.',
  },
  DELEGATION_OVERCOMMITTED: {
    en: 'Republic of Moldova has 2 delegates but is committed to 3 sessions on Fri 7 Dec 08:45–09:00: "Opening", "Briefing" and "Lunch".',
    fr: 'Republic of Moldova compte 2 délégués mais est engagée dans 3 sessions le ven. 7 déc. 08:45–09:00 : « Opening », « Briefing » et « Lunch ».',
    es: 'Republic of Moldova tiene 2 delegados pero está comprometida en 3 sesiones el vie, 7 dic 08:45–09:00: «Opening», «Briefing» y «Lunch».',
  },
  SIDE_EVENT_OVER_OFFICIAL: {
    en: 'Side event "Capacity building" overlaps plenary "Opening" on Fri 7 Dec 08:30–09:00, and Republic of Moldova takes part in both.',
    fr: 'La manifestation parallèle « Capacity building » chevauche la séance plénière « Opening » le ven. 7 déc. 08:30–09:00, et Republic of Moldova participe aux deux.',
    es: 'El evento paralelo «Capacity building» coincide con la sesión plenaria «Opening» el vie, 7 dic 08:30–09:00, y Republic of Moldova participa en ambos.',
  },
  CAPACITY_EXCEEDED: {
    en: '"Opening" expects 120 people but Atlas Room seats 80 (Fri 7 Dec 10:00–11:00).',
    fr: '« Opening » attend 120 personnes mais Atlas Room n’a que 80 places (ven. 7 déc. 10:00–11:00).',
    es: '«Opening» espera 120 personas pero Atlas Room tiene 80 plazas (vie, 7 dic 10:00–11:00).',
  },
  EQUIPMENT_MISSING: {
    en: '"Opening" needs interpretation booths, an HDMI connection and 7 microphones but Orangeraie Room has no interpretation booths, no HDMI connection and 6 microphones (Fri 7 Dec 11:00–11:30).',
    fr: '« Opening » demande des cabines d’interprétation, une connexion HDMI et 7 micros, mais Orangeraie Room offre : pas de cabines d’interprétation, pas de connexion HDMI et 6 micros (ven. 7 déc. 11:00–11:30).',
    es: '«Opening» necesita cabinas de interpretación, una conexión HDMI y 7 micrófonos, pero Orangeraie Room tiene: ninguna cabina de interpretación, ninguna conexión HDMI y 6 micrófonos (vie, 7 dic 11:00–11:30).',
  },
  OUTSIDE_WINDOW: {
    en: '"Late breakfast" (Fri 7 Dec 23:30–Sat 8 Dec 00:30) is outside its segment "Side events (breakfast)" (Fri 7 Dec 08:00–09:50) and the summit\'s days (Wed 5 Dec to Fri 7 Dec).',
    fr: '« Late breakfast » (ven. 7 déc. 23:30 – sam. 8 déc. 00:30) déborde de son créneau « Side events (breakfast) » (ven. 7 déc. 08:00–09:50) et des jours du sommet (du mer. 5 déc. au ven. 7 déc.).',
    es: '«Late breakfast» (vie, 7 dic 23:30 – sáb, 8 dic 00:30) queda fuera de su franja «Side events (breakfast)» (vie, 7 dic 08:00–09:50) y los días de la cumbre (del mié, 5 dic al vie, 7 dic).',
  },
};

const written = (input: ReturnType<typeof conflictInput>, c: Conflict, locale: keyof typeof LOCALES) =>
  conflictWriter(conflictContext(input, input.offsets), translator(locale), LOCALES[locale])(c);

describe('conflicts in the reader’s language', () => {
  for (const code of CONFLICT_CODES) {
    const input = conflictInput(conflictFile(CASES[code]));
    const found = detectConflicts(input);
    it(`${code}: the case makes that one conflict, and the API says it in English`, () => {
      expect(found.map((c) => [c.code, c.message])).toEqual([[code, EXPECTED[code].en]]);
    });
    for (const locale of ['en', 'fr', 'es'] as const) {
      it(`${code} in ${locale}`, () => {
        expect(written(input, found[0]!, locale)).toBe(EXPECTED[code][locale]);
      });
    }
  }

  it('a session as a check sees it (moved, edited) is described as it would stand, not as saved', () => {
    const input = conflictInput(conflictFile(CASES.CAPACITY_EXCEEDED));
    const moved = { ...input.sessions[0]!, expectedAttendance: 95 };
    const [c] = detectConflicts({ ...input, sessions: [moved] });
    const t = translator('en');
    expect(conflictWriter(conflictContext(input, input.offsets, [moved]), t, 'en-GB')(c!)).toBe(
      '"Opening" expects 95 people but Atlas Room seats 80 (Fri 7 Dec 10:00–11:00).',
    );
  });

  it('the English sentence is the API’s message, for every code, on random programmes', () => {
    const t = translator('en');
    const seen = new Set<string>();
    fc.assert(
      fc.property(programmeArbitrary, (programme) => {
        const input = { ...programme, offsets: MARRAKESH_OFFSETS };
        const say = conflictWriter(conflictContext(programme, MARRAKESH_OFFSETS), t, 'en-GB');
        for (const c of detectConflicts(input)) {
          seen.add(c.code);
          expect(say(c)).toBe(c.message);
        }
      }),
      { numRuns: 300, seed: 14 },
    );
    expect([...seen].sort()).toEqual([...CONFLICT_CODES].sort());
  });
});
