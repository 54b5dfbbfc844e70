// Mail in the reader's language (docs/decisions/0019): the account's choice (PATCH /api/auth/me),
// else the person's in the summit file, else the summit's; and the summit file keeps both languages.
import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummitFileInput } from '../../shared/schemas/summit-file.ts';
import { outbox } from '../../server/db/schema.ts';
import { MARKET_SLUG, marketplaceSummitFile, slot } from '../factories/marketplace.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, signIn, testApi, type TestApi } from '../support/app.ts';

const NEED = 'Diaspora engagement strategy';
let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

/** The small summit under another slug, with Morari's language and the summit's. */
function summit(slug: string, languages: { summit?: 'en' | 'fr' | 'es'; morari?: 'en' | 'fr' | 'es' }) {
  const file = smallSummitFile();
  return {
    ...file,
    summit: { ...file.summit, slug, ...(languages.summit && { language: languages.summit }) },
    delegations: [
      ...file.delegations!,
      { key: 'SOLO', name: 'Solo Delegation', kind: 'other', size: 1 },
      { key: 'NONE', name: 'Empty Delegation', kind: 'other', size: 0 },
    ],
    people: file.people!.map((p) =>
      p.key === 'p-morari' && languages.morari ? { ...p, language: languages.morari } : p,
    ),
  } as SummitFileInput;
}

const rowsTo = (to: string) =>
  api.database.db.select().from(outbox).where(eq(outbox.recipient, to)).orderBy(asc(outbox.id));
const lastTo = async (to: string) =>
  (
    await api.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, to))
      .orderBy(desc(outbox.id))
      .limit(1)
  )[0]!;

const grant = (slug: string, body: Record<string, unknown>) =>
  api.http
    .post(`/api/summits/${slug}/roles`)
    .set(admin)
    .send({ invite: true, ...body });

describe('role invitations in the recipient’s language', () => {
  it('an e-mail to a Spanish-speaking person is in Spanish, with a correct plural', async () => {
    expect(
      (
        await api.http
          .post('/api/summits/import')
          .set(admin)
          .send(summit('es-summit', { morari: 'es' }))
      ).status,
    ).toBe(201);
    await grant('es-summit', { email: 'd.morari@example.org', role: 'delegate', delegation: 'SOLO' });
    await grant('es-summit', { email: 'D.Morari@example.org', role: 'focal_point', delegation: 'MDA' });
    const [one, two] = await rowsTo('d.morari@example.org');
    expect([one!.subject, one!.bodyText]).toEqual([
      'Invitación: GFMD 2018 Summit',
      'Hola:\n\n' +
        'Se le ha asignado una función en GFMD 2018 Summit: delegado de Solo Delegation, una delegación de 1 delegado.\n\n' +
        'Inicie sesión con esta dirección de correo electrónico; recibirá un enlace, sin necesidad de contraseña:\n\n' +
        'http://convene.test/sign-in?email=d.morari%40example.org\n',
    ]);
    expect(two!.bodyText.split('\n\n')[1]).toBe(
      'Se le ha asignado una función en GFMD 2018 Summit: punto focal de Republic of Moldova, una delegación de 2 delegados.',
    );
  });

  it('the summit’s language is the default: French for a person with none, and for an address with no person', async () => {
    await api.http
      .post('/api/summits/import')
      .set(admin)
      .send(summit('fr-summit', { summit: 'fr' }));
    await grant('fr-summit', { email: 'd.morari@example.org', role: 'delegate', delegation: 'NONE' });
    await grant('fr-summit', { email: 'unit@gfmd.example', role: 'support_unit' });
    const morari = await lastTo('d.morari@example.org');
    expect([morari.subject, morari.bodyText.split('\n\n')[1]]).toEqual([
      'Invitation : GFMD 2018 Summit',
      'Un rôle vous a été attribué pour GFMD 2018 Summit : délégué pour Empty Delegation, une délégation de 0 délégué.',
    ]);
    expect((await lastTo('unit@gfmd.example')).bodyText.split('\n\n')[1]).toBe(
      'Un rôle vous a été attribué pour GFMD 2018 Summit : unité d’appui.',
    );
  });

  it('a person’s own language beats the summit’s: English in a French summit', async () => {
    await api.http
      .post('/api/summits/import')
      .set(admin)
      .send(summit('fr-summit-en', { summit: 'fr', morari: 'en' }));
    await grant('fr-summit-en', { email: 'd.morari@example.org', role: 'delegate', delegation: 'MDA' });
    expect((await lastTo('d.morari@example.org')).bodyText.split('\n\n')[1]).toBe(
      'You have been given a role in GFMD 2018 Summit: delegate of Republic of Moldova, a delegation of 2 delegates.',
    );
  });
});

describe('a calendar invitation in French', () => {
  it('says the lead, the answers and the ICS description in French, the time in the summit’s zone', async () => {
    await api.http
      .post('/api/summits/import')
      .set(admin)
      .send(summit('fr-invite', { morari: 'fr' }));
    expect((await api.http.post('/api/summits/fr-invite/publish').set(admin).send({})).status).toBe(200);
    const mail = await lastTo('d.morari@example.org');
    const paragraphs = mail.bodyText.split('\n\n');
    expect([mail.subject, paragraphs[0], paragraphs[1], paragraphs[3]]).toEqual([
      'Invitation : What role for capacity building in turning the Global Compact on Migration into action?',
      'Bonjour Daniela Morari,',
      'Vous êtes invité en tant que modérateur et organisateur à « What role for capacity building in turning the Global Compact on Migration into action? », vendredi 7 décembre 2018, 08:30–09:45 (Africa/Casablanca), Orangeraie Room, Conference Centre, Palmeira Resorts, Marrakesh.',
      'Serez-vous présent ?',
    ]);
    expect(paragraphs[4]).toMatch(/^Je serai présent: http/);
    expect(mail.ical!.replace(/\r\n /g, '')).toContain(
      'DESCRIPTION:GFMD 2018 Summit\\nVotre rôle : modérateur et organisateur\\nhttp://convene.test/summits/fr-invite/sessions/se-capacity-building',
    );
    // The session's title is the organisers' own: SUMMARY is never translated.
    expect(mail.ical).toContain('SUMMARY:What role for capacity building');
  });
});

describe('a Marketplace booking', () => {
  it('tells the need’s owner in their own language (Spanish), its table and time in the summit’s zone', async () => {
    const file = marketplaceSummitFile();
    file.people = file.people!.map((p) => (p.key === 'p-morari' ? { ...p, language: 'es' } : p));
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const chirita = await signIn(api, 'chirita@example.org');
    const booked = await api.http
      .post(`/api/summits/${MARKET_SLUG}/marketplace/consultations`)
      .set(chirita.headers)
      .send({ need: 'mda-diaspora', slot: slot('table-1', '09:30') });
    expect(booked.status).toBe(201);
    const mail = await lastTo('morari@example.org');
    expect([mail.kind, mail.subject, mail.bodyText.split('\n\n')[1]]).toEqual([
      'marketplace_requested',
      `Consulta solicitada: ${NEED}`,
      `ICMPD solicita una consulta con Moldova sobre la necesidad «${NEED}», en Table 1, el jue, 10 dic 09:30–10:00 (Africa/Casablanca), en el Marketplace de GFMD 2018 Summit.`,
    ]);
  });
});

describe('PATCH /api/auth/me: the language a person reads', () => {
  it('remembers it (200), returns it in GET /api/auth/me, and writes the next sign-in link in it', async () => {
    await api.http
      .post('/api/summits/import')
      .set(admin)
      .send(summit('es-sign-in', { morari: 'es' }));
    const me = await signIn(api, 'chen@example.org');
    expect((await api.http.get('/api/auth/me').set(me.headers)).body.language).toBeNull();
    const res = await api.http.patch('/api/auth/me').set(me.headers).send({ language: 'fr' });
    expect([res.status, res.body.email, res.body.language]).toEqual([200, 'chen@example.org', 'fr']);
    expect((await api.http.get('/api/auth/me').set(me.headers)).body.language).toBe('fr');
    await api.http.post('/api/auth/link').send({ email: 'chen@example.org' });
    const link = await lastTo('chen@example.org');
    expect([link.subject, link.bodyText.split('\n\n')[1]]).toEqual([
      'Votre lien de connexion à Convene',
      'Utilisez ce lien pour vous connecter à Convene. Il ne sert qu’une fois, dans les 15 minutes :',
    ]);
  });

  it('a sign-in link to a person of a Spanish-speaking summit is in Spanish; their own choice then wins', async () => {
    await api.http.post('/api/auth/link').send({ email: 'd.morari@example.org' });
    expect((await lastTo('d.morari@example.org')).subject).toBe('Su enlace para iniciar sesión en Convene');
    const me = await signIn(api, 'd.morari@example.org');
    await api.http.patch('/api/auth/me').set(me.headers).send({ language: 'en' });
    await api.http.post('/api/auth/link').send({ email: 'd.morari@example.org' });
    expect((await lastTo('d.morari@example.org')).subject).toBe('Your sign-in link for Convene');
  });

  it('refuses a language it does not have, naming the field (400)', async () => {
    const me = await signIn(api, 'chen@example.org');
    const res = await api.http.patch('/api/auth/me').set(me.headers).send({ language: 'de' });
    expect([res.status, res.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, ['language']]);
  });

  it('asks a caller who is not signed in to sign in (401)', async () => {
    const res = await api.http.patch('/api/auth/me').send({ language: 'fr' });
    expect(res.status).toBe(401);
  });

  it('has no account to remember it in for ADMIN_TOKEN (403, saying so)', async () => {
    const res = await api.http.patch('/api/auth/me').set(admin).send({ language: 'fr' });
    expect([res.status, res.body.errors[0].message]).toEqual([
      403,
      'an administrator’s session has no account to remember a language in: sign in with your address',
    ]);
  });
});

describe('the summit file with languages', () => {
  it('round-trips the summit’s language and each person’s, and leaves out a person’s when unset', async () => {
    const file = summit('round-trip', { summit: 'es', morari: 'fr' });
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const exported = await api.http.get('/api/summits/round-trip/export').set(admin);
    expect(exported.body.summit.language).toBe('es');
    expect(
      exported.body.people.map((p: { key: string; language?: string }) => [p.key, p.language ?? null]),
    ).toEqual([
      ['p-morari', 'fr'],
      ['p-genetzke', null],
    ]);
    // The API's person and summit carry it too, and a PATCH changes it like any other field.
    const person = await api.http.get('/api/summits/round-trip/people/p-morari').set(admin);
    expect([person.status, person.body.language]).toEqual([200, 'fr']);
    const changed = await api.http
      .patch('/api/summits/round-trip/people/p-genetzke')
      .set(admin)
      .send({ language: 'es' });
    expect([changed.status, changed.body.language]).toEqual([200, 'es']);
    expect((await api.http.get('/api/summits/round-trip').set(admin)).body.language).toBe('es');
    await api.http.patch('/api/summits/round-trip/people/p-genetzke').set(admin).send({ language: null });
    await api.http.post('/api/summits/import?replace=true').set(admin).send(exported.body);
    expect((await api.http.get('/api/summits/round-trip/export').set(admin)).body).toEqual(exported.body);
  });

  it('refuses a language it does not have, by JSON path', async () => {
    const file = summit('bad-language', {});
    const res = await api.http
      .post('/api/summits/import')
      .set(admin)
      .send({ ...file, people: [{ ...file.people![0]!, language: 'de' }, file.people![1]!] });
    expect([
      res.status,
      res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    ]).toEqual([400, [['people[0].language', 'expected a language: en, fr or es']]]);
  });
});
