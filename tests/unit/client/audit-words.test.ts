// The audit log in the reader's language (shared/domain/audit-words.ts with the client's words):
// the same lines the API says in English, said in English, French and Spanish, names not keys.
import { describe, expect, it } from 'vitest';
import { describeLine } from '../../../shared/domain/audit-words.ts';
import { proposalDraftSchema } from '../../../shared/schemas/proposal.ts';
import { needItemSchema, settingsSchema } from '../../../shared/schemas/marketplace.ts';
import {
  delegationSchema,
  personSchema,
  roomSchema,
  segmentSchema,
  sessionSchema,
  summitFileSchema,
  summitSchema,
} from '../../../shared/schemas/summit-file.ts';
import { auditWords } from '../../../client/src/features/audit/audit-words.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { en } from '../../../client/src/locales/en.ts';

const moved = {
  action: 'update',
  entity: 'session',
  entityKey: 'rt-2-2',
  before: { room: 'menara', start: '2018-12-07T10:00+01:00', end: '2018-12-07T11:30+01:00', pinned: false },
  after: { room: 'atlas', start: '2018-12-08T09:00+01:00', end: '2018-12-08T10:30+01:00', pinned: true },
};
const names = { 'session:rt-2-2': 'Roundtable 2.2', 'room:menara': 'Menara', 'room:atlas': 'Atlas' };
const granted = {
  action: 'grant',
  entity: 'role',
  entityKey: null,
  before: null,
  after: { role: 'focal_point', delegation: 'MAR', email: 'focal@example.org' },
};
const published = {
  action: 'publish',
  entity: 'programme',
  entityKey: null,
  before: null,
  after: {
    acceptedConflicts: [
      {
        code: 'DELEGATION_OVERCOMMITTED',
        sessions: ['rt-2-2', 'se-x'],
        message: 'English',
        reason: 'a third delegate',
      },
    ],
  },
};
const say = (locale: string, dateLocale: string) => auditWords(translator(locale), dateLocale);

describe('the audit log in the reader’s language', () => {
  it('says a moved session in English, French and Spanish, with names and days', () => {
    expect(describeLine(moved, names, say('en', 'en-GB'))).toEqual({
      what: 'Changed session “Roundtable 2.2”',
      changes: [
        { field: 'Room', before: 'Menara', after: 'Atlas' },
        { field: 'Start', before: 'Fri 7 Dec 10:00', after: 'Sat 8 Dec 09:00' },
        { field: 'End', before: 'Fri 7 Dec 11:30', after: 'Sat 8 Dec 10:30' },
        { field: 'Pinned', before: 'no', after: 'yes' },
      ],
    });
    expect(describeLine(moved, names, say('fr', 'fr-FR'))).toEqual({
      what: 'Modification : session « Roundtable 2.2 »',
      changes: [
        { field: 'Salle', before: 'Menara', after: 'Atlas' },
        { field: 'Début', before: 'ven. 7 déc. 10:00', after: 'sam. 8 déc. 09:00' },
        { field: 'Fin', before: 'ven. 7 déc. 11:30', after: 'sam. 8 déc. 10:30' },
        { field: 'Fixée', before: 'non', after: 'oui' },
      ],
    });
    expect(describeLine(moved, names, say('es', 'es-ES')).what).toBe('Modificación: sesión «Roundtable 2.2»');
  });

  it('says a role given and a programme published with its accepted conflict', () => {
    const withMorocco = { 'delegation:MAR': 'Morocco' };
    expect(describeLine(granted, withMorocco, say('en', 'en-GB')).what).toBe(
      'Gave the role of focal point of Morocco to focal@example.org',
    );
    expect(describeLine(granted, withMorocco, say('fr', 'fr-FR')).what).toBe(
      'Attribution : rôle de point focal (Morocco) à focal@example.org',
    );
    const acceptedNames = { 'session:rt-2-2': 'Roundtable 2.2', 'session:se-x': 'Youth and migration' };
    expect(describeLine(published, acceptedNames, say('es', 'es-ES'))).toEqual({
      what: 'Publicación: el programa',
      changes: [
        {
          field: 'Conflictos graves aceptados',
          before: null,
          after:
            'Delegación con demasiados compromisos: “Roundtable 2.2” y “Youth and migration” (aceptado: a third delegate)',
        },
      ],
    });
  });

  it('names the languages a session is held in by name, not code', () => {
    const held = { ...moved, before: { languages: ['en'] }, after: { languages: ['en', 'fr'] } };
    expect(describeLine(held, names, say('fr', 'fr-FR')).changes).toEqual([
      { field: 'Langues', before: 'anglais', after: 'anglais; français' },
    ]);
  });

  it('names every field of the items the log records', () => {
    const shapes = [
      summitFileSchema,
      summitSchema,
      roomSchema,
      segmentSchema,
      delegationSchema,
      personSchema,
      sessionSchema,
    ]
      .concat([proposalDraftSchema, needItemSchema, settingsSchema] as never[])
      .flatMap((s) => Object.keys((s as { shape: object }).shape));
    expect([...new Set(shapes)].filter((f) => !(`audit.field.${f}` in en))).toEqual([]);
  });
});
