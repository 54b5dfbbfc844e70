// Submitting twice (a double click, a retry after a timeout) with one Idempotency-Key makes one
// submission and one e-mail, and both answers are the same (issue 10). On PostgreSQL the requests
// really run at once: the second waits on the key's unique index for the first to commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moldovaProposal } from '../factories/proposal.ts';
import { admin, type Session, signIn, type TestApi } from '../support/app.ts';
import { proposalsApi } from '../support/proposals.ts';

let api: TestApi;
let chirita: Session;
let morari: Session;
const S = '/api/summits/gfmd-2018';

beforeAll(async () => {
  api = await proposalsApi();
  chirita = await signIn(api, 'chirita@example.org');
  morari = await signIn(api, 'morari@example.org');
});
afterAll(async () => {
  await api.close();
});

/** A proposal whose one contact is its creator: one e-mail a step. */
async function draft(
  contacts: { name: string; email?: string }[] = [{ name: 'Oleg Chirita', email: 'chirita@example.org' }],
): Promise<string> {
  const res = await api.http
    .post(`${S}/proposals`)
    .set(chirita.headers)
    .send({ ...moldovaProposal(), contacts });
  return `${S}/proposals/${res.body.id}`;
}
const submit = (path: string, key: string | null, who = chirita) => {
  const req = api.http.post(`${path}/submit`).set(who.headers);
  return key === null ? req : req.set('Idempotency-Key', key);
};
async function recorded(path: string) {
  const id = path.split('/').at(-1);
  const audit = (await api.http.get(`${S}/audit`).set(admin).query({ limit: 500 })).body;
  const outbox = (await api.http.get(`${S}/outbox`).set(admin).query({ limit: 500 })).body.messages;
  return {
    submissions: audit.filter(
      (e: { action: string; entityKey: string }) => e.action === 'submit' && e.entityKey === id,
    ).length,
    mails: outbox.filter(
      (m: { kind: string; bodyText: string }) =>
        m.kind === 'proposal_submitted' && m.bodyText.includes(`%2Fproposals%2F${id}\n`),
    ).length,
  };
}

describe('one Idempotency-Key', () => {
  it('makes two concurrent submits one submission and one e-mail, with the same answer', async () => {
    const path = await draft();
    const [first, second] = await Promise.all([submit(path, 'click-1'), submit(path, 'click-1')]);
    expect([first.status, second.status, first.body.status]).toEqual([200, 200, 'submitted']);
    expect(second.body).toEqual(first.body);
    expect(await recorded(path)).toEqual({ submissions: 1, mails: 1 });
  });

  it('holds for five at once', async () => {
    const path = await draft();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(path, 'retry-storm')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await recorded(path)).toEqual({ submissions: 1, mails: 1 });
  });

  it('replays the first answer later too, even once the proposal has moved on', async () => {
    const path = await draft();
    const first = await submit(path, 'late-retry');
    await api.http
      .post(`${path}/decision`)
      .set(admin)
      .send({ decision: 'request_changes', message: 'Shorter, please.' });
    const retry = await submit(path, 'late-retry');
    expect([retry.status, retry.body]).toEqual([200, first.body]);
    expect((await api.http.get(path).set(chirita.headers)).body.status).toBe('changes_requested');
    expect(await recorded(path)).toEqual({ submissions: 1, mails: 1 });
  });

  it('used for another proposal, is refused on the header', async () => {
    const [one, other] = [await draft(), await draft()];
    await submit(one, 'reused');
    const res = await submit(other, 'reused');
    expect([res.status, res.body.errors]).toEqual([
      409,
      [
        {
          path: 'idempotency-key',
          message: `this Idempotency-Key was used for another request (POST ${one}/submit)`,
        },
      ],
    ]);
    expect((await api.http.get(other).set(chirita.headers)).body.status).toBe('draft');
  });

  it('is given back when the submit is refused, so the corrected form goes with the same key', async () => {
    const path = await draft([{ name: 'Oleg Chirita' }]);
    const refused = await submit(path, 'fix-then-send');
    expect([refused.status, refused.body.errors]).toEqual([
      400,
      [
        {
          path: 'contacts[0].email',
          message: 'a contact needs an e-mail address',
          code: 'proposal.contactEmail',
        },
      ],
    ]);
    await api.http
      .patch(path)
      .set(chirita.headers)
      .send({ contacts: [{ name: 'Oleg Chirita', email: 'chirita@example.org' }] });
    const sent = await submit(path, 'fix-then-send');
    expect([sent.status, sent.body.status]).toEqual([200, 'submitted']);
  });

  it('belongs to one account: another organiser’s same key is a request of their own', async () => {
    const path = await draft([
      { name: 'Oleg Chirita', email: 'chirita@example.org' },
      { name: 'Daniela Morari', email: 'morari@example.org' },
    ]);
    expect((await submit(path, 'same-words')).status).toBe(200);
    const theirs = await submit(path, 'same-words', morari);
    expect([theirs.status, theirs.body.errors[0].message]).toEqual([
      409,
      'the proposal is submitted: only a draft or a proposal with changes requested can be submitted',
    ]);
  });
});

describe('without a key', () => {
  it('a second submit is refused, since the first one went through', async () => {
    const path = await draft();
    const [a, b] = await Promise.all([submit(path, null), submit(path, null)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await recorded(path)).toEqual({ submissions: 1, mails: 1 });
  });
});
