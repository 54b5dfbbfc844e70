// Placement's reasons for what it could not place, and the note on why no move is proposed, written
// in the reader's language from the API's `why`: one case per code in English, French and Spanish,
// and the English sentence equal to the API's (`sayer(p).say`, `noMoveSentence`) for every case.
import { describe, expect, it } from 'vitest';
import { conflictContext } from '../../../client/src/features/conflicts/conflict-words.ts';
import { moveWhyWriter, placementWhyWriter } from '../../../client/src/features/conflicts/placement-words.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { detectConflicts, prepare } from '../../../shared/domain/conflicts/engine.ts';
import {
  NO_HARD_CONFLICT,
  noMoveSentence,
  PINNED_NO_MOVE,
  UNPLACED_NO_MOVE,
  type MoveWhy,
} from '../../../shared/domain/resolution/moves.ts';
import { type PlacementWhy, sayer } from '../../../shared/domain/resolution/placement-reasons.ts';
import { conflictFile, conflictInput } from '../../factories/conflicts.ts';

const LOCALES = { en: 'en-GB', fr: 'fr', es: 'es' } as const;
type Lang = keyof typeof LOCALES;

// Two sessions in the Menara Room at once: the hard conflict the last cases name.
const input = conflictInput(
  conflictFile([
    { key: 'a', title: 'Opening', room: 'menara', start: '2018-12-07T08:00', end: '2018-12-07T09:00' },
    { key: 'b', title: 'Briefing', room: 'menara', start: '2018-12-07T08:30', end: '2018-12-07T09:30' },
  ]),
);
const conflict = detectConflicts(input).find((c) => c.code === 'ROOM_DOUBLE_BOOKED')!;
const ctx = conflictContext(input, input.offsets);
const english = sayer(prepare(input)).say;
const say = (lang: Lang, why: PlacementWhy) => placementWhyWriter(ctx, translator(lang), LOCALES[lang])(why);
const at = { start: '2018-12-07T09:45:00.000Z', end: '2018-12-07T10:30:00.000Z' };
const needs = { equipment: ['interpretation', 'hdmi'], microphones: 14 };

const CASES: { name: string; why: PlacementWhy }[] = [
  { name: 'pinned', why: { code: 'pinned' } },
  { name: 'outOfTime', why: { code: 'outOfTime' } },
  { name: 'outOfTimeReason', why: { code: 'outOfTimeReason' } },
  { name: 'outOfTimeSearch', why: { code: 'outOfTimeSearch' } },
  { name: 'noRooms', why: { code: 'noRooms' } },
  {
    name: 'tooLong, its segment',
    why: {
      code: 'tooLong',
      minutes: 120,
      window: 'segment',
      segment: 'breakfast',
      from: '2018-12-07T07:00:00.000Z',
      to: '2018-12-07T08:50:00.000Z',
    },
  },
  { name: 'tooLong, side-event windows', why: { code: 'tooLong', minutes: 1, window: 'sideEventWindows' } },
  { name: 'tooLong, the summit’s days', why: { code: 'tooLong', minutes: 900, window: 'summitDays' } },
  { name: 'ownRoomSeats', why: { code: 'ownRoomSeats', room: 'atlas', capacity: 80, expected: 100 } },
  { name: 'ownRoomLacks', why: { code: 'ownRoomLacks', room: 'atlas', needs } },
  { name: 'noRoomSeats', why: { code: 'noRoomSeats', expected: 500 } },
  {
    name: 'noRoomHas, one microphone',
    why: { code: 'noRoomHas', needs: { equipment: ['video_conference'], microphones: 1 } },
  },
  { name: 'noRoomSeatsAndHas', why: { code: 'noRoomSeatsAndHas', expected: 300, needs } },
  {
    name: 'peopleBusy, one in a role, every time',
    why: { code: 'peopleBusy', people: [{ person: 'p-morari', role: 'moderator' }] },
  },
  {
    name: 'peopleBusy, two, at its time',
    why: {
      code: 'peopleBusy',
      people: [{ person: 'p-morari', role: 'co_chair' }, { person: 'p-chirita' }],
      at,
    },
  },
  {
    name: 'delegationsBusy, one delegate and two',
    why: {
      code: 'delegationsBusy',
      delegations: [
        { delegation: 'GMB', size: 1 },
        { delegation: 'MDA', size: 2 },
      ],
    },
  },
  {
    name: 'delegationsBusy, three delegates and none, at its time',
    why: {
      code: 'delegationsBusy',
      delegations: [
        { delegation: 'ICMPD', size: 3 },
        { delegation: 'GMB', size: 0 },
      ],
      at,
    },
  },
  {
    name: 'everyoneBusy, five names',
    why: { code: 'everyoneBusy', people: ['p-morari', 'p-chirita'], delegations: ['MDA', 'GMB', 'ICMPD'] },
  },
  { name: 'ownRoomBooked', why: { code: 'ownRoomBooked', room: 'menara', whenFree: false } },
  {
    name: 'ownRoomBooked, whenever its people are free',
    why: { code: 'ownRoomBooked', room: 'menara', whenFree: true },
  },
  { name: 'roomsBooked', why: { code: 'roomsBooked', whenFree: true } },
  { name: 'roomsBooked, at its time', why: { code: 'roomsBooked', whenFree: false, at } },
  { name: 'keepsNoTime', why: { code: 'keepsNoTime', conflict } },
  { name: 'hardRule, such as', why: { code: 'hardRule', conflict } },
  { name: 'hardRule', why: { code: 'hardRule' } },
  { name: 'taken, by none', why: { code: 'taken', titles: [] } },
  { name: 'taken, by four', why: { code: 'taken', titles: ['Opening', 'Briefing', 'Bonds', 'Labour'] } },
  { name: 'taken, at its time, by one', why: { code: 'taken', titles: ['Opening'], at } },
];

/** What each case reads in French and Spanish (English: the API's own sentence). */
const WORDS: Record<string, [fr: string, es: string]> = {
  pinned: [
    'elle est fixée, et le placement ne déplace jamais une session fixée',
    'está fijada, y la asignación nunca mueve una sesión fijada',
  ],
  outOfTime: [
    'le placement a manqué de temps avant de l’essayer : donnez-lui un délai plus long',
    'a la asignación se le acabó el tiempo antes de probarla: dele un límite de tiempo más largo',
  ],
  outOfTimeReason: [
    'le placement a manqué de temps avant de pouvoir dire pourquoi cette session reste de côté : donnez-lui un délai plus long',
    'a la asignación se le acabó el tiempo antes de poder decir por qué esta sesión queda fuera: dele un límite de tiempo más largo',
  ],
  outOfTimeSearch: [
    'le placement a manqué de temps avant de la caser, alors qu’une salle et un horaire étaient libres : donnez-lui un délai plus long',
    'a la asignación se le acabó el tiempo antes de encajarla, aunque había una sala y un horario libres: dele un límite de tiempo más largo',
  ],
  noRooms: ['le sommet n’a aucune salle', 'la cumbre no tiene salas'],
  'tooLong, its segment': [
    'elle dure 120 minutes, plus que son segment « Side events (breakfast) » (ven. 7 déc. 08:00–09:50)',
    'dura 120 minutos, más que su segmento «Side events (breakfast)» (vie, 7 dic 08:00–09:50)',
  ],
  'tooLong, side-event windows': [
    'elle dure 1 minute, plus que chacune des plages réservées aux manifestations parallèles',
    'dura 1 minuto, más que cualquiera de las franjas de eventos paralelos de la cumbre',
  ],
  'tooLong, the summit’s days': [
    'elle dure 900 minutes, plus que les journées du sommet',
    'dura 900 minutos, más que los días de la cumbre',
  ],
  ownRoomSeats: [
    'elle garde sa salle, Atlas Room, qui compte 80 places, moins que les 100 personnes attendues',
    'conserva su sala, Atlas Room, con 80 plazas, menos que las 100 personas previstas',
  ],
  ownRoomLacks: [
    'elle garde sa salle, Atlas Room, à laquelle il manque : interprétation, HDMI et 14 micros',
    'conserva su sala, Atlas Room, a la que le falta: interpretación, HDMI y 14 micrófonos',
  ],
  noRoomSeats: ['aucune salle ne compte 500 places', 'ninguna sala tiene 500 plazas'],
  'noRoomHas, one microphone': [
    'aucune salle ne dispose de : visioconférence et 1 micro',
    'ninguna sala dispone de: videoconferencia y 1 micrófono',
  ],
  noRoomSeatsAndHas: [
    'aucune salle ne compte à la fois 300 places et ne dispose de : interprétation, HDMI et 14 micros',
    'ninguna sala tiene 300 plazas y a la vez dispone de: interpretación, HDMI y 14 micrófonos',
  ],
  'peopleBusy, one in a role, every time': [
    'Daniela Morari (modérateur) est indisponible à chaque horaire possible',
    'Daniela Morari (moderador) tiene otro compromiso en todos los horarios posibles',
  ],
  'peopleBusy, two, at its time': [
    'Daniela Morari (coprésident) et Oleg Chirita sont indisponibles à son horaire, ven. 7 déc. 10:45–11:30',
    'Daniela Morari (copresidente) y Oleg Chirita tienen otros compromisos a su hora, vie, 7 dic 10:45–11:30',
  ],
  'delegationsBusy, one delegate and two': [
    'l’unique délégué de The Gambia est pris ailleurs et les deux délégués de Republic of Moldova sont pris ailleurs à chaque horaire possible',
    'el único delegado de The Gambia tiene otro compromiso y los dos delegados de Republic of Moldova tienen otros compromisos en todos los horarios posibles',
  ],
  'delegationsBusy, three delegates and none, at its time': [
    'les 3 délégués de ICMPD sont pris ailleurs et The Gambia n’a aucun délégué à envoyer à son horaire, ven. 7 déc. 10:45–11:30',
    'los 3 delegados de ICMPD tienen otros compromisos y The Gambia no tiene delegados que enviar a su hora, vie, 7 dic 10:45–11:30',
  ],
  'everyoneBusy, five names': [
    'une de ses personnes ou délégations est prise à chaque horaire possible (Daniela Morari, Oleg Chirita, Republic of Moldova, The Gambia et 1 autre)',
    'una de sus personas o delegaciones está ocupada en todos los horarios posibles (Daniela Morari, Oleg Chirita, Republic of Moldova, The Gambia y 1 más)',
  ],
  ownRoomBooked: [
    'sa salle, Menara Room, est réservée à chaque horaire possible',
    'su sala, Menara Room, está reservada en todos los horarios posibles',
  ],
  'ownRoomBooked, whenever its people are free': [
    'sa salle, Menara Room, est réservée à chaque horaire possible où ses intervenants sont libres',
    'su sala, Menara Room, está reservada en todos los horarios posibles en que sus participantes están libres',
  ],
  roomsBooked: [
    'toutes les salles qui lui conviennent sont réservées à chaque horaire possible où ses intervenants sont libres',
    'todas las salas adecuadas están reservadas en todos los horarios posibles en que sus participantes están libres',
  ],
  'roomsBooked, at its time': [
    'toutes les salles qui lui conviennent sont réservées à son horaire, ven. 7 déc. 10:45–11:30',
    'todas las salas adecuadas están reservadas a su hora, vie, 7 dic 10:45–11:30',
  ],
  keepsNoTime: [
    'elle ne peut garder son horaire sans conflit bloquant : Menara Room est réservée deux fois le ven. 7 déc. 08:30–09:00 : « Opening » et « Briefing ».',
    'no puede conservar su horario sin un conflicto grave: Menara Room está reservada dos veces el vie, 7 dic 08:30–09:00: «Opening» y «Briefing».',
  ],
  'hardRule, such as': [
    'chaque salle et chaque horaire possibles enfreignent une règle stricte, par exemple : Menara Room est réservée deux fois le ven. 7 déc. 08:30–09:00 : « Opening » et « Briefing ».',
    'cada sala y horario posibles incumplen una regla estricta, por ejemplo: Menara Room está reservada dos veces el vie, 7 dic 08:30–09:00: «Opening» y «Briefing».',
  ],
  hardRule: [
    'chaque salle et chaque horaire possibles enfreignent une règle stricte',
    'cada sala y horario posibles incumplen una regla estricta',
  ],
  'taken, by none': [
    'chaque salle et chaque horaire possibles sont pris par les sessions placées ici',
    'cada sala y horario posibles están ocupados por sesiones asignadas aquí',
  ],
  'taken, by four': [
    'chaque salle et chaque horaire possibles sont pris par les sessions placées ici : « Opening », « Briefing », « Bonds » et 1 autre',
    'cada sala y horario posibles están ocupados por sesiones asignadas aquí: «Opening», «Briefing», «Bonds» y 1 más',
  ],
  'taken, at its time, by one': [
    'toutes les salles qui lui conviennent sont prises à son horaire, ven. 7 déc. 10:45–11:30, par « Opening »',
    'todas las salas adecuadas están ocupadas a su hora, vie, 7 dic 10:45–11:30, por «Opening»',
  ],
};

describe('placement’s reasons in the reader’s language', () => {
  for (const c of CASES)
    it(`${c.name}: the English sentence is the API's reason`, () => {
      expect(say('en', c.why)).toBe(english(c.why));
    });

  for (const c of CASES)
    it(`${c.name}: French and Spanish`, () => {
      expect([say('fr', c.why), say('es', c.why)]).toEqual(WORDS[c.name]);
    });

  it('the English of a few, word for word', () => {
    expect(CASES.slice(13, 15).map((c) => say('en', c.why))).toEqual([
      'its moderator Daniela Morari is busy at every time it could take',
      'its co-chair Daniela Morari and Oleg Chirita are busy at its time, Fri 7 Dec 10:45–11:30',
    ]);
  });

  it('every code has a case', () => {
    expect(new Set(CASES.map((c) => c.why.code)).size).toBe(19);
  });
});

const MOVES: { why: MoveWhy; en: string; fr: string; es: string }[] = [
  {
    why: { code: 'pinned' },
    en: PINNED_NO_MOVE,
    fr: 'Elle est fixée : aucun déplacement n’est proposé pour une session fixée.',
    es: 'Está fijada: no se propone ningún traslado para una sesión fijada.',
  },
  {
    why: { code: 'unplaced' },
    en: UNPLACED_NO_MOVE,
    fr: 'Elle n’a pas encore d’horaire : le placement lui en propose un.',
    es: 'Aún no tiene horario: la asignación le propone uno.',
  },
  {
    why: { code: 'noHardConflict' },
    en: NO_HARD_CONFLICT,
    fr: 'Elle n’est dans aucun conflit bloquant : aucun déplacement n’a rien à lever.',
    es: 'No está en ningún conflicto grave: no hay nada que un traslado pueda resolver.',
  },
  {
    why: { code: 'noMove', reason: { code: 'noRoomSeats', expected: 500 } },
    en: noMoveSentence('no room seats 500'),
    fr: 'Aucune salle ni aucun horaire ne la tire d’affaire : aucune salle ne compte 500 places.',
    es: 'Ninguna sala ni horario lo resuelve: ninguna sala tiene 500 plazas.',
  },
];

describe('why no move is proposed, in the reader’s language', () => {
  for (const m of MOVES)
    it(`${m.why.code}: English (the API's note), French and Spanish`, () => {
      const write = (lang: Lang) => moveWhyWriter(ctx, translator(lang), LOCALES[lang])(m.why);
      expect([write('en'), write('fr'), write('es')]).toEqual([m.en, m.fr, m.es]);
    });

  it('the English of noMove, word for word', () => {
    expect(MOVES[3]!.en).toBe('No room and time clears it: no room seats 500.');
  });
});
