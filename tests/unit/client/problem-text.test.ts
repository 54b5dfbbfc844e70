// Every problem a person reads is in their language: said from its code and params through the
// catalogue (problem.<code>), the English message only for a code the catalogue does not know.
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/locales/en.ts';
import { readSummitFile } from '../../../shared/domain/summit-file.ts';
import { type Problem, zodProblems } from '../../../shared/schemas/problems.ts';
import { proposalSubmitSchema } from '../../../shared/schemas/proposal.ts';
import { smallSummitFile } from '../../factories/summit-file.ts';
import { ApiError, describeProblems } from '../../../client/src/lib/api.ts';
import { placeProblems } from '../../../client/src/lib/form.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { joinProblems, problemText } from '../../../client/src/lib/problem-text.ts';

const say = (locale: string, dateLocale: string) => {
  const t = translator(locale);
  return (code: string, params?: Problem['params']) =>
    problemText(t, { path: 'title', message: 'the English message', code, params }, dateLocale);
};
const english = say('en', 'en-GB');
const fr = say('fr', 'fr-FR');
const es = say('es', 'es-ES');
const DAYS = { day: '2018-12-09', first: '2018-12-05', last: '2018-12-07' };

describe('problemText', () => {
  it('says an empty required field is required', () => {
    expect([english('empty'), fr('empty'), es('empty')]).toEqual([
      'This field is required.',
      'Ce champ est obligatoire.',
      'Este campo es obligatorio.',
    ]);
  });
  it('says why a proposal cannot take a step, from its status and the step', () => {
    const params = { status: 'submitted', action: 'submit' };
    expect([
      english('proposalStatus', params),
      fr('proposalStatus', params),
      es('proposalStatus', params),
    ]).toEqual([
      'The proposal is submitted: it cannot be submitted now.',
      'La proposition est soumise : elle ne peut pas être soumise maintenant.',
      'La propuesta está presentada: no se puede presentar ahora.',
    ]);
  });
  it('says a room still in use cannot be deleted, and a consultation’s state', () => {
    expect(fr('stillUsed', { kind: 'room', count: 2 })).toBe(
      'Cette salle est encore utilisée par 2 sessions ou personnes : modifiez-les ou supprimez-les d’abord.',
    );
    expect(es('stillUsed', { kind: 'person', count: 1 })).toBe(
      'Esta persona sigue figurando en 1 sesión o persona: modifíquelas o elimínelas primero.',
    );
    expect(fr('consultationStatus', { status: 'declined', to: 'cancelled' })).toBe(
      'Cette consultation a été refusée : elle ne peut pas être annulée maintenant.',
    );
    expect(es('alreadyJoined', { name: 'IOM' })).toBe('IOM ya participa en esta consulta.');
  });
  it('says the deadline for proposals has passed, on a day in the reader’s language', () => {
    expect(fr('deadlinePassed', { summit: 'GFMD 2018', day: '2018-09-28' })).toBe(
      'La date limite des propositions pour GFMD 2018 est passée (vendredi 28 septembre) : demandez à l’unité d’appui de la prolonger pour cette proposition.',
    );
  });
  it('asks for a visible character', () => {
    expect([english('invisible'), fr('invisible'), es('invisible')]).toEqual([
      'Type at least one visible character.',
      'Saisissez au moins un caractère visible.',
      'Escriba al menos un carácter visible.',
    ]);
  });
  it('gives the longest length allowed, in the singular for 1 and the plural for 200', () => {
    expect([1, 200].flatMap((maximum) => [english, fr, es].map((s) => s('tooLong', { maximum })))).toEqual([
      'Must be at most 1 character.',
      'Ne doit pas dépasser 1 caractère.',
      'No debe superar 1 carácter.',
      'Must be at most 200 characters.',
      'Ne doit pas dépasser 200 caractères.',
      'No debe superar 200 caracteres.',
    ]);
  });
  it('writes a number bound as the language writes numbers', () => {
    expect([english, fr, es].map((s) => s('atMost', { maximum: 100_000 }))).toEqual([
      'Must be 100,000 or less.',
      'Doit être inférieur ou égal à 100\u202f000.', // a narrow no-break space
      'Debe ser igual o inferior a 100.000.',
    ]);
  });
  it('says a list names a value twice', () => {
    expect([english('duplicate'), fr('duplicate'), es('duplicate')]).toEqual([
      'A value is listed twice.',
      'Une valeur figure deux fois.',
      'Un valor figura dos veces.',
    ]);
  });
  it('says what a key may hold', () => {
    expect([english('keyFormat'), fr('keyFormat'), es('keyFormat')]).toEqual([
      'Use 1 to 100 letters, digits, “.”, “_”, “~”, “:” or “-”, starting with a letter or a digit.',
      'Utilisez de 1 à 100 lettres, chiffres, « . », « _ », « ~ », « : » ou « - », en commençant par une lettre ou un chiffre.',
      'Use de 1 a 100 letras, cifras, «.», «_», «~», «:» o «-», empezando por una letra o una cifra.',
    ]);
  });
  it('shows the form of a date', () => {
    expect([english('dateFormat'), fr('dateFormat'), es('dateFormat')]).toEqual([
      'Enter a date such as 2018-12-05.',
      'Saisissez une date au format 2018-12-05.',
      'Escriba una fecha con el formato 2018-12-05.',
    ]);
  });
  it('asks for the title of a proposal', () => {
    expect([english('proposal.title'), fr('proposal.title'), es('proposal.title')]).toEqual([
      'A proposal needs a title.',
      'Donnez un titre à la proposition.',
      'Indique el título de la propuesta.',
    ]);
  });
  it('says how far the programme is from the duration, with plurals', () => {
    const params = { total: 50, duration: 60 };
    expect([english, fr, es].map((s) => s('proposal.programmeSum', params))).toEqual([
      'The items add up to 50 minutes; the event lasts 60 minutes.',
      'Les éléments totalisent 50 minutes ; la manifestation dure 60 minutes.',
      'Los puntos suman 50 minutos; el evento dura 60 minutos.',
    ]);
    expect(fr('proposal.programmeSum', { total: 1, duration: 5 })).toBe(
      'Les éléments totalisent 1 minute ; la manifestation dure 5 minutes.',
    );
  });
  it('names a day outside the summit, and the summit’s days, in the reader’s language', () => {
    expect([english, fr, es].map((s) => s('proposal.notSummitDay', DAYS))).toEqual([
      'Sunday 9 December is not a day of the summit, which runs from Wednesday 5 December to Friday 7 December.',
      'Le dimanche 9 décembre n’est pas un jour du sommet, qui se tient du mercredi 5 décembre au vendredi 7 décembre.',
      'El domingo 9 de diciembre no es un día de la cumbre, que se celebra del miércoles 5 de diciembre al viernes 7 de diciembre.',
    ]);
  });
  it('names an unknown field, and several', () => {
    expect([english, fr, es].map((s) => s('unknownField', { keys: 'budget', count: 1 }))).toEqual([
      'Unknown field: budget.',
      'Champ inconnu : budget.',
      'Campo desconocido: budget.',
    ]);
    expect(fr('unknownField', { keys: 'budget, colour', count: 2 })).toBe(
      'Champs inconnus : budget, colour.',
    );
  });
  it('names a taken key with the word for what holds it (gender in French and Spanish)', () => {
    expect([english, fr, es].map((s) => s('keyTaken', { kind: 'room', key: 'menara' }))).toEqual([
      'A room with the identifier “menara” already exists.',
      'Une salle porte déjà l’identifiant « menara ».',
      'Ya existe una sala con el identificador «menara».',
    ]);
  });
  it('falls back to the English message for a code it does not know, or no code', () => {
    expect([fr('newerServerCode'), fr(undefined as unknown as string)]).toEqual([
      'the English message',
      'the English message',
    ]);
  });
});

describe('joinProblems', () => {
  it('puts sentences side by side and joins other messages with a semicolon', () => {
    expect(joinProblems(['Ce champ est obligatoire.', 'Une valeur figure deux fois.'])).toBe(
      'Ce champ est obligatoire. Une valeur figure deux fois.',
    );
    expect(joinProblems(['a token of that name exists', 'Unknown field: x.'])).toBe(
      'a token of that name exists; Unknown field: x.',
    );
  });
});

describe('a refusal from the server, in the reader’s language', () => {
  const refusal = () =>
    ApiError.fromResponse(
      new Response(
        JSON.stringify({
          errors: [
            {
              path: 'key',
              message: 'a room with key "menara" already exists',
              code: 'keyTaken',
              params: { kind: 'room', key: 'menara' },
            },
            {
              path: 'capacity',
              message: 'Too small: expected number to be >=0',
              code: 'atLeast',
              params: { minimum: 0 },
            },
            {
              path: 'colour',
              message: 'unknown field "colour"',
              code: 'unknownField',
              params: { keys: 'colour', count: 1 },
            },
            { path: '', message: 'try again later' },
          ],
        }),
        { status: 409, headers: { 'content-type': 'application/json' } },
      ),
    );
  const spanish = translator('es');
  const say = (p: Problem) => problemText(spanish, p, 'es-ES');

  it('keeps the code and params it was given, and the English message', async () => {
    const error = await refusal();
    expect([error.problems[1], error.message]).toEqual([
      {
        path: 'capacity',
        message: 'Too small: expected number to be >=0',
        code: 'atLeast',
        params: { minimum: 0 },
      },
      'key: a room with key "menara" already exists; capacity: Too small: expected number to be >=0; colour: unknown field "colour"; try again later',
    ]);
  });

  it('puts each problem on its field in Spanish, and the rest at the top, an uncoded one in English', async () => {
    expect(placeProblems(await refusal(), ['key', 'capacity'], say)).toEqual({
      field: [
        ['key', 'Ya existe una sala con el identificador «menara».'],
        ['capacity', 'Debe ser igual o superior a 0.'],
      ],
      other: { type: 'server', message: 'colour: Campo desconocido: colour. try again later' },
    });
    expect(describeProblems((await refusal()).problems.slice(0, 1), say)).toBe(
      'key: Ya existe una sala con el identificador «menara».',
    );
  });
});

describe('the catalogue knows every code the shared checks give', () => {
  it('has a problem.<code> message for each problem of a wrong proposal and a wrong summit file', () => {
    const submit = proposalSubmitSchema({
      delegations: new Set(['MDA']),
      days: ['2018-12-05'],
      dayOf: (t) => t.slice(0, 10),
    });
    const proposal = submit.safeParse({
      organisers: [{ delegation: 'XX' }, {}, { delegation: 'MDA', organisation: 'IOM' }],
      contacts: [{ email: 'nobody' }, {}],
      materials: [{ url: 'www.example.org' }, {}],
      moderator: {},
      panellists: [{}],
      durationMinutes: 60,
      programme: [{}, { minutes: 10, item: 'Panel' }],
      preferredStarts: ['2018-12-09T10:00', '2018-12-09T10:00'],
      requirements: { equipment: ['projector', 'projector'] },
    });
    const file = readSummitFile(
      smallSummitFile({
        summit: { ...smallSummitFile().summit, timeZone: 'Mars/Olympus', endDate: '2018-12-01' },
        rooms: [...smallSummitFile().rooms!, { key: 'orangeraie', name: '\u200b', capacity: -1 }],
        sessions: [
          { ...smallSummitFile().sessions![0]!, room: 'x', durationMinutes: 5, colour: 'red' } as never,
        ],
      }),
    );
    const codes = [
      ...(proposal.success ? [] : zodProblems(proposal.error)),
      ...(file.ok ? [] : file.errors),
    ].map((p) => p.code ?? `(none: ${p.message})`);
    expect(codes.length).toBeGreaterThan(20);
    expect([...new Set(codes)].filter((code) => !(`problem.${code}` in en))).toEqual([]);
  });
});
