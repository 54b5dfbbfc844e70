// Every step of a proposal's lifecycle from every status, through the API: what is allowed answers
// 200, what is not answers 409 saying why, and a step by the wrong side answers 403 (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moldovaProposal } from '../factories/proposal.ts';
import { admin, type Session, signIn, type TestApi } from '../support/app.ts';
import { proposalsApi } from '../support/proposals.ts';

let api: TestApi;
let chirita: Session;
const S = '/api/summits/gfmd-2018';

beforeAll(async () => {
  api = await proposalsApi();
  chirita = await signIn(api, 'chirita@example.org');
});
afterAll(async () => {
  await api.close();
});

const STATES = [
  'draft',
  'submitted',
  'changes_requested',
  'accepted',
  'scheduled',
  'rejected',
  'withdrawn',
] as const;
type State = (typeof STATES)[number];
const STEPS = ['submit', 'withdraw', 'accept', 'reject', 'request_changes'] as const;
type Step = (typeof STEPS)[number];

const organiser = () => chirita.headers;
const ok = async (req: PromiseLike<{ status: number; body: unknown }>) => {
  const res = await req;
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { session: string };
};
const decide = (path: string, decision: string) =>
  api.http.post(`${path}/decision`).set(admin).send({ decision, message: 'From the review desk.' });

/** A new proposal brought to `state`, as its organiser and the support unit would. */
async function proposalIn(state: State): Promise<string> {
  const created = await api.http.post(`${S}/proposals`).set(organiser()).send(moldovaProposal());
  const path = `${S}/proposals/${created.body.id}`;
  if (state === 'draft') return path;
  if (state === 'withdrawn') {
    await ok(api.http.post(`${path}/withdraw`).set(organiser()));
    return path;
  }
  await ok(api.http.post(`${path}/submit`).set(organiser()));
  if (state === 'changes_requested') await ok(decide(path, 'request_changes'));
  if (state === 'rejected') await ok(decide(path, 'reject'));
  if (state === 'accepted' || state === 'scheduled') {
    const { session } = await ok(decide(path, 'accept'));
    if (state === 'scheduled')
      await ok(
        api.http
          .post(`${S}/sessions/${session}/move`)
          .set(admin)
          .send({ room: 'orangeraie', start: '2018-12-07T08:30', end: '2018-12-07T09:45' }),
      );
  }
  return path;
}

/** The step by the side that makes it: organisers submit and withdraw, the support unit decides. */
const take = (path: string, step: Step) =>
  step === 'submit' || step === 'withdraw'
    ? api.http.post(`${path}/${step}`).set(organiser())
    : decide(path, step);

describe('each step from each status', () => {
  it('is allowed where the lifecycle has it, and refused with 409 elsewhere', async () => {
    const expected: Record<State, Record<Step, number>> = {
      draft: { submit: 200, withdraw: 200, accept: 409, reject: 409, request_changes: 409 },
      submitted: { submit: 409, withdraw: 200, accept: 200, reject: 200, request_changes: 200 },
      changes_requested: { submit: 200, withdraw: 200, accept: 409, reject: 200, request_changes: 409 },
      accepted: { submit: 409, withdraw: 200, accept: 409, reject: 409, request_changes: 409 },
      scheduled: { submit: 409, withdraw: 409, accept: 409, reject: 409, request_changes: 409 },
      rejected: { submit: 409, withdraw: 409, accept: 409, reject: 409, request_changes: 409 },
      withdrawn: { submit: 409, withdraw: 409, accept: 409, reject: 409, request_changes: 409 },
    };
    const actual = {} as Record<State, Record<Step, number>>;
    for (const state of STATES) {
      actual[state] = {} as Record<Step, number>;
      for (const step of STEPS) actual[state][step] = (await take(await proposalIn(state), step)).status;
    }
    expect(actual).toEqual(expected);
  });

  it('lands in the status the step leads to', async () => {
    const landing = async (state: State, step: Step) =>
      (await take(await proposalIn(state), step)).body.status as string;
    expect([
      await landing('draft', 'submit'),
      await landing('draft', 'withdraw'),
      await landing('submitted', 'accept'),
      await landing('submitted', 'reject'),
      await landing('submitted', 'request_changes'),
      await landing('changes_requested', 'submit'),
      await landing('changes_requested', 'reject'),
      await landing('accepted', 'withdraw'),
    ]).toEqual([
      'submitted',
      'withdrawn',
      'accepted',
      'rejected',
      'changes_requested',
      'submitted',
      'rejected',
      'withdrawn',
    ]);
  });
});

describe('a step refused', () => {
  it('accepting a withdrawn proposal: 409, saying why', async () => {
    const res = await decide(await proposalIn('withdrawn'), 'accept');
    expect([res.status, res.body.errors]).toEqual([
      409,
      [
        {
          path: '',
          message: 'the proposal is withdrawn: only a submitted proposal can be accepted',
          code: 'proposalStatus',
          params: { status: 'withdrawn', action: 'accept' },
        },
      ],
    ]);
  });

  it('an organiser deciding: 403, whatever the decision', async () => {
    const path = await proposalIn('submitted');
    for (const decision of ['accept', 'reject', 'request_changes']) {
      const res = await api.http.post(`${path}/decision`).set(organiser()).send({ decision, message: 'Yes' });
      expect([res.status, res.body.errors]).toEqual([
        403,
        [{ path: '', message: 'only the support unit decides on a proposal' }],
      ]);
    }
    expect((await api.http.get(path).set(organiser())).body.status).toBe('submitted');
  });

  it('the support unit withdrawing: 403 (it rejects instead)', async () => {
    const res = await api.http.post(`${await proposalIn('submitted')}/withdraw`).set(admin);
    expect([res.status, res.body.errors]).toEqual([
      403,
      [{ path: '', message: "only the proposal's organisers may withdraw it" }],
    ]);
  });

  it('withdrawing a scheduled proposal: 409, pointing to the support unit', async () => {
    const res = await api.http.post(`${await proposalIn('scheduled')}/withdraw`).set(organiser());
    expect([res.status, res.body.errors]).toEqual([
      409,
      [
        {
          path: '',
          message:
            'the proposal is scheduled: it is in the programme, so ask the support unit to take it out',
          code: 'proposalInProgramme',
        },
      ],
    ]);
  });

  it('patching a submitted proposal, or a decided one: 409', async () => {
    const statuses = [];
    for (const state of ['submitted', 'accepted', 'rejected', 'withdrawn'] as const) {
      const res = await api.http
        .patch(await proposalIn(state))
        .set(organiser())
        .send({ format: 'lunch' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([409, 409, 409, 409]);
  });
});

describe('withdrawing an accepted proposal not yet scheduled', () => {
  it('takes its unplaced session with it, recorded in the audit log', async () => {
    const path = await proposalIn('accepted');
    const { session } = (await api.http.get(path).set(organiser())).body;
    const res = await api.http
      .post(`${path}/withdraw`)
      .set(organiser())
      .send({ message: 'Our minister cannot travel in December.' });
    expect([res.status, res.body.status, res.body.session]).toEqual([200, 'withdrawn', null]);
    expect((await api.http.get(`${S}/sessions/${session}`).set(admin)).status).toBe(404);
    const [entry, sessionEntry] = (await api.http.get(`${S}/audit`).set(admin)).body;
    expect([entry.action, entry.after, sessionEntry.action, sessionEntry.entityKey]).toEqual([
      'withdraw',
      { status: 'withdrawn', message: 'Our minister cannot travel in December.' },
      'delete',
      session,
    ]);
    const mail = (await api.http.get(`${S}/outbox`).set(admin)).body.messages[0];
    expect(mail.bodyText.split('\n\n').slice(1, 3)).toEqual([
      'The side-event proposal “What role for capacity building in turning the Global Compact on Migration into action?” by Republic of Moldova and International Centre for Migration Policy Development for GFMD 2018 Summit has been withdrawn by Oleg Chirita.',
      'Oleg Chirita writes:',
    ]);
  });
});

describe('an accepted proposal whose session was deleted', () => {
  it('can be accepted again, which makes it a new session and mails nobody twice', async () => {
    const path = await proposalIn('accepted');
    const { session } = (await api.http.get(path).set(admin)).body;
    expect((await api.http.delete(`${S}/sessions/${session}`).set(admin)).status).toBe(204);
    const lost = (await api.http.get(path).set(admin)).body;
    expect([lost.status, lost.session, lost.actions.includes('accept')]).toEqual(['accepted', null, true]);
    const mailsBefore = (await api.http.get(`${S}/outbox`).set(admin)).body.messages.length;

    const again = await decide(path, 'accept');
    // Its key is free again: the new session takes it.
    expect([again.status, again.body.status, again.body.session]).toEqual([200, 'accepted', session]);
    expect((await api.http.get(`${S}/sessions/${session}`).set(admin)).body.kind).toBe('side_event');
    expect((await api.http.get(`${S}/outbox`).set(admin)).body.messages.length).toBe(mailsBefore);
    // With its session back, it cannot be accepted a third time.
    expect((await decide(path, 'accept')).status).toBe(409);
  });
});
