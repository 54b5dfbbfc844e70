// A side-event proposal's mail in each reader's language (decision 0019): the organiser who chose
// French for their account reads French, with the deadline in French words and the summit's zone;
// the other contacts read the summit's language (English).
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/db/schema.ts';
import { MOLDOVA_TITLE, moldovaProposal } from '../factories/proposal.ts';
import { admin, signIn, type TestApi } from '../support/app.ts';
import { proposalsApi } from '../support/proposals.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018';
beforeAll(async () => {
  api = await proposalsApi();
});
afterAll(async () => {
  await api.close();
});

const mailOf = async (kind: string, to: string) =>
  (
    await api.database.db.select().from(outbox).where(eq(outbox.recipient, to)).orderBy(asc(outbox.id))
  ).filter((m) => m.kind === kind);

describe('proposal mail in the reader’s language', () => {
  it('a French-speaking organiser reads the receipt and the extended deadline in French; the others English', async () => {
    const chirita = await signIn(api, 'chirita@example.org');
    expect((await api.http.patch('/api/auth/me').set(chirita.headers).send({ language: 'fr' })).status).toBe(
      200,
    );
    const created = await api.http.post(`${S}/proposals`).set(chirita.headers).send(moldovaProposal());
    const path = `${S}/proposals/${created.body.id}`;
    expect(
      (await api.http.put(`${path}/deadline`).set(admin).send({ until: '2099-10-05T23:59' })).status,
    ).toBe(200);
    expect((await api.http.post(`${path}/submit`).set(chirita.headers)).status).toBe(200);

    const [extended] = await mailOf('proposal_deadline', 'chirita@example.org');
    expect([extended!.subject, extended!.bodyText.split('\n\n')[1]]).toEqual([
      `Délai prolongé : ${MOLDOVA_TITLE}`,
      `L’unité d’appui de GFMD 2018 Summit a prolongé le délai de la proposition de manifestation parallèle « ${MOLDOVA_TITLE} » présentée par Republic of Moldova et International Centre for Migration Policy Development : elle peut être soumise jusqu’au lun. 5 oct. 2099 à 23:59 (Africa/Casablanca).`,
    ]);
    const [received] = await mailOf('proposal_submitted', 'chirita@example.org');
    expect(received!.subject).toBe(`Proposition reçue : ${MOLDOVA_TITLE}`);
    const [english] = await mailOf('proposal_submitted', 'morari@example.org');
    expect([english!.subject, english!.bodyText.split('\n\n')[1]]).toEqual([
      `Proposal received: ${MOLDOVA_TITLE}`,
      `The support unit of GFMD 2018 Summit has received the side-event proposal “${MOLDOVA_TITLE}” by Republic of Moldova and International Centre for Migration Policy Development.`,
    ]);
  });
});
