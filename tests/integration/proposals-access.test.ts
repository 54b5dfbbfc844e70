// Who sees a proposal, and what of it (issue 10): its organisers and the support unit all of it; a
// delegation it names as organiser reads it once submitted, without the contacts' addresses; anyone
// else finds nothing (404, as for a proposal that does not exist). And the review desk's list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moldovaProposal } from '../factories/proposal.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, type Session, signIn, type TestApi } from '../support/app.ts';
import { proposalsApi } from '../support/proposals.ts';

let api: TestApi;
let chirita: Session; // ICMPD: proposals A and C
let ratha: Session; // KNOMAD: proposals B and D
let focalMda: Session; // Moldova's focal point: Moldova is named in A and D
let stranger: Session;
const S = '/api/summits/gfmd-2018';
const ids = { A: 0, B: 0, C: 0, D: 0 };
const P = (id: number) => `${S}/proposals/${id}`;

async function create(who: Session, form: object): Promise<number> {
  const res = await api.http.post(`${S}/proposals`).set(who.headers).send(form);
  expect(res.status).toBe(201);
  return res.body.id;
}
const step = async (req: PromiseLike<{ status: number; body: { session?: string } }>) => {
  const res = await req;
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  api = await proposalsApi();
  await api.http
    .post(`${S}/roles`)
    .set(admin)
    .send({ email: 'focal.mda@example.org', role: 'focal_point', delegation: 'MDA', invite: false });
  chirita = await signIn(api, 'chirita@example.org');
  ratha = await signIn(api, 'ratha@example.org');
  focalMda = await signIn(api, 'focal.mda@example.org');
  stranger = await signIn(api, 'someone@example.net');

  const knomad = {
    ...moldovaProposal(),
    title: 'Remittances and the GCM',
    organisers: [{ delegation: 'KNOMAD' }],
    contacts: [{ name: 'Dilip Ratha', email: 'ratha@example.org' }],
  };
  ids.A = await create(chirita, moldovaProposal());
  await step(api.http.post(`${P(ids.A)}/submit`).set(chirita.headers));
  ids.B = await create(ratha, { ...knomad, format: 'lunch', preferredStarts: ['2018-12-06T13:15'] });
  ids.C = await create(chirita, {
    ...moldovaProposal(),
    title: 'MIEUX: ten years of peer-to-peer expertise',
    organisers: [{ organisation: 'MIEUX' }],
    format: 'reception',
    preferredStarts: ['2018-12-05T18:15', '2018-12-06T18:15'],
  });
  await step(api.http.post(`${P(ids.C)}/submit`).set(chirita.headers));
  const { session } = await step(
    api.http
      .post(`${P(ids.C)}/decision`)
      .set(admin)
      .send({ decision: 'accept' }),
  );
  await step(
    api.http
      .post(`${S}/sessions/${session}/move`)
      .set(admin)
      .send({ room: 'atlas', start: '2018-12-05T18:15', end: '2018-12-05T19:30' }),
  );
  ids.D = await create(ratha, {
    ...knomad,
    format: 'standard',
    organisers: [{ delegation: 'KNOMAD' }, { delegation: 'MDA' }],
    preferredStarts: [],
  });
  await step(api.http.post(`${P(ids.D)}/withdraw`).set(ratha.headers));
});
afterAll(async () => {
  await api.close();
});

describe('another organiser’s proposal', () => {
  it('is not found, by any route, exactly as a proposal that does not exist', async () => {
    const tries = async (id: number) => {
      const p = P(id);
      const h = ratha.headers;
      return Promise.all(
        [
          api.http.get(p).set(h),
          api.http.patch(p).set(h).send({ format: 'lunch' }),
          api.http.post(`${p}/submit`).set(h),
          api.http.post(`${p}/withdraw`).set(h),
          api.http.post(`${p}/decision`).set(h).send({ decision: 'accept' }),
          api.http.get(`${p}/comments`).set(h),
          api.http.post(`${p}/comments`).set(h).send({ body: 'Hello' }),
          api.http.put(`${p}/report`).set(h).send({ attendance: 1, conclusions: 'x' }),
          api.http.put(`${p}/deadline`).set(h).send({ until: null }),
        ].map(async (req) => {
          const res = await req;
          return [res.status, res.body.errors[0].message];
        }),
      );
    };
    const missing = (id: number) => Array(9).fill([404, `proposal ${id} not found`]);
    expect(await tries(ids.A)).toEqual(missing(ids.A));
    expect(await tries(99_999)).toEqual(missing(99_999));
    expect((await api.http.get(P(ids.A)).set(chirita.headers)).body.status).toBe('submitted');
  });

  it('is not in their list, nor in a stranger’s', async () => {
    const list = async (who: Session) => (await api.http.get(`${S}/proposals`).set(who.headers)).body;
    expect((await list(ratha)).proposals.map((p: { id: number }) => p.id)).toEqual([ids.D, ids.B]);
    expect((await list(chirita)).proposals.map((p: { id: number }) => p.id)).toEqual([ids.C, ids.A]);
    expect(await list(stranger)).toEqual({
      proposals: [],
      counts: {
        draft: 0,
        submitted: 0,
        changes_requested: 0,
        accepted: 0,
        scheduled: 0,
        rejected: 0,
        withdrawn: 0,
      },
      total: 0,
    });
  });
});

describe('a delegation named as organiser', () => {
  it('reads the submitted proposal without the contacts’ e-mail addresses, and may not change it', async () => {
    const res = await api.http.get(P(ids.A)).set(focalMda.headers);
    expect([res.status, res.body.contacts, res.body.actions]).toEqual([
      200,
      moldovaProposal().contacts!.map(({ email: _, ...c }) => c),
      [],
    ]);
    const patched = await api.http.patch(P(ids.A)).set(focalMda.headers).send({ format: 'lunch' });
    const comments = await api.http.get(`${P(ids.A)}/comments`).set(focalMda.headers);
    expect([patched.status, patched.body.errors, comments.status]).toEqual([
      403,
      [{ path: '', message: 'only its organisers and the support unit change a proposal' }],
      403,
    ]);
  });

  it('lists what names it, and the support unit and its organisers see the addresses', async () => {
    const listed = (await api.http.get(`${S}/proposals`).set(focalMda.headers)).body.proposals;
    expect(listed.map((p: { id: number }) => p.id)).toEqual([ids.D, ids.A]);
    for (const who of [admin, chirita.headers])
      expect(
        (await api.http.get(P(ids.A)).set(who)).body.contacts.map((c: { email: string }) => c.email),
      ).toEqual(['morari@example.org', 'chirita@example.org', 'zorrilla@example.org']);
  });
});

describe('the review desk’s list (the support unit)', () => {
  const desk = async (query: string) => (await api.http.get(`${S}/proposals?${query}`).set(admin)).body;
  const idsOf = (body: { proposals: { id: number }[] }) => body.proposals.map((p) => p.id);
  const all = {
    draft: 1,
    submitted: 1,
    changes_requested: 0,
    accepted: 0,
    scheduled: 1,
    rejected: 0,
    withdrawn: 1,
  };

  it('lists every proposal, newest first, with counts per status', async () => {
    const body = await desk('');
    expect([idsOf(body), body.counts, body.total, body.next]).toEqual([
      [ids.D, ids.C, ids.B, ids.A],
      all,
      4,
      undefined,
    ]);
    expect(body.proposals[1]).toEqual({
      id: ids.C,
      status: 'scheduled',
      // Created, submitted, accepted: being placed is its session's change, not the proposal's.
      version: 3,
      title: 'MIEUX: ten years of peer-to-peer expertise',
      format: 'reception',
      durationMinutes: 75,
      expectedAttendance: 120,
      organisers: [{ organisation: 'MIEUX' }],
      organiserNames: ['MIEUX'],
      preferredStarts: ['2018-12-05T18:15+01:00', '2018-12-06T18:15+01:00'],
      session: `proposal-${ids.C}`,
      placement: {
        room: 'atlas',
        roomName: 'Atlas Room',
        start: '2018-12-05T18:15+01:00',
        end: '2018-12-05T19:30+01:00',
      },
      late: false,
      submittedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('filters by status (counts stay those of the other filters), format, preferred day and organiser', async () => {
    const open = await desk('status=submitted,scheduled');
    expect([idsOf(open), open.counts, open.total]).toEqual([[ids.C, ids.A], all, 2]);
    expect(idsOf(await desk('status=accepted'))).toEqual([]);
    expect(idsOf(await desk('status=scheduled'))).toEqual([ids.C]);
    const breakfast = await desk('format=breakfast');
    expect([idsOf(breakfast), breakfast.counts.submitted, breakfast.total]).toEqual([[ids.A], 1, 1]);
    expect(idsOf(await desk('format=lunch,reception'))).toEqual([ids.C, ids.B]);
    expect(idsOf(await desk('day=2018-12-06'))).toEqual([ids.C, ids.B]);
    expect(idsOf(await desk('organiser=MDA'))).toEqual([ids.D, ids.A]);
    expect(idsOf(await desk('organiser=mieux'))).toEqual([ids.C]);
    expect(idsOf(await desk('organiser=MDA&format=standard&status=withdrawn'))).toEqual([ids.D]);
  });

  it('offers as organisers the delegations and the organisations the proposals name, to the support unit only', async () => {
    const call = (who: Record<string, string>) => api.http.get(`${S}/proposal-call`).set(who);
    expect((await call(admin)).body.organisations).toEqual(['MIEUX']);
    expect((await call(chirita.headers)).body.organisations).toEqual([]);
  });

  it('pages by id: `next` is the `before` of the following page', async () => {
    const first = await desk('limit=3');
    expect([idsOf(first), first.next]).toEqual([[ids.D, ids.C, ids.B], ids.B]);
    const second = await desk(`limit=3&before=${first.next}`);
    expect([idsOf(second), second.next]).toEqual([[ids.A], undefined]);
  });
});

describe('an organiser who is nobody in the summit file', () => {
  it('finds the summit on My page once they have a proposal there, as a side-event organiser', async () => {
    const newcomer = await signIn(api, 'newcomer@example.net');
    const me = () => api.http.get('/api/auth/me').set(newcomer.headers);
    expect((await me()).body.summits).toEqual([]);
    await api.http.post(`${S}/proposals`).set(newcomer.headers).send({ title: 'Diaspora bonds' });
    expect((await me()).body.summits).toEqual([
      { slug: 'gfmd-2018', name: 'GFMD 2018 Summit', roles: ['organiser'], delegations: [], people: [] },
    ]);
  });
});

describe('a summit that calls for no proposals', () => {
  it('is not found by a stranger until it has a proposal deadline', async () => {
    const file = smallSummitFile();
    file.sessions = file.sessions!.map((s) => ({ ...s, status: 'draft' as const }));
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const small = '/api/summits/gfmd-2018-small';
    const before = await api.http.post(`${small}/proposals`).set(stranger.headers).send({});
    expect([before.status, before.body.errors]).toEqual([
      404,
      [{ path: '', message: 'summit "gfmd-2018-small" not found' }],
    ]);
    await api.http.patch(small).set(admin).send({ proposalDeadline: '2099-09-28T23:59' });
    const call = await api.http.get(`${small}/proposal-call`).set(stranger.headers);
    expect(call.body).toEqual({
      summit: {
        slug: 'gfmd-2018-small',
        name: 'GFMD 2018 Summit',
        timeZone: 'Africa/Casablanca',
        days: ['2018-12-05', '2018-12-06', '2018-12-07'],
        offsets: expect.any(Array),
      },
      deadline: '2099-09-28T23:59+01:00',
      open: true,
      delegations: [
        { key: 'MDA', name: 'Republic of Moldova', kind: 'member_state' },
        {
          key: 'ICMPD',
          name: 'International Centre for Migration Policy Development',
          kind: 'international_organisation',
        },
      ],
      organisations: [],
      formats: ['standard', 'breakfast', 'lunch', 'reception'],
      equipment: ['projector', 'screen', 'hdmi', 'usb', 'interpretation', 'video_conference', 'recording'],
    });
    const after = await api.http.post(`${small}/proposals`).set(stranger.headers).send({});
    expect([after.status, after.body.status]).toEqual([201, 'draft']);
  });

  it('answers 401 to nobody signed in', async () => {
    const res = await api.http.post(`${S}/proposals`).send({});
    expect(res.status).toBe(401);
  });
});
