import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSummit } from '../../server/core/summit-context.ts';
import { proposePlacement } from '../../server/modules/conflicts/placement.service.ts';
import { placementWordsFile } from '../factories/placement.ts';
import { demoSummitFile } from '../factories/summit-file.ts';
import { admin, asText, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018';
beforeAll(async () => {
  api = await testApi();
  expect((await api.http.post('/api/summits/import').set(admin).send(demoSummitFile())).status).toBe(201);
});
afterAll(async () => {
  await api.close();
});

const MOLDOVA = {
  code: 'DELEGATION_OVERCOMMITTED',
  severity: 'hard',
  sessions: ['se-mobility-partnerships', 'mp-mda-diaspora', 'se-capacity-building'],
  delegation: 'MDA',
  start: '2018-12-07T07:30:00.000Z',
  end: '2018-12-07T08:00:00.000Z',
  message:
    'Republic of Moldova has 2 delegates but is committed to 3 sessions on Fri 7 Dec 08:30–09:00: "Mobility partnerships in practice: lessons from the EU\'s neighbourhood", "Marketplace: engaging the diaspora in local development (Republic of Moldova)" and "What role for capacity building in turning the Global Compact on Migration into action?".',
};

describe('GET /api/summits/{slug}/conflicts', () => {
  it("reports the demo's conflicts exactly as the contract shapes them", async () => {
    const res = await api.http.get(`${S}/conflicts`).set(admin);
    expect(res.status).toBe(200);
    expect(
      res.body.conflicts.map(
        (c: { code: string; sessions: string[] }) => `${c.code} ${c.sessions.join('+')}`,
      ),
    ).toEqual([
      'CHANGEOVER_TOO_SHORT se-youth+rt-1-1',
      'DELEGATION_OVERCOMMITTED se-mobility-partnerships+mp-mda-diaspora+se-capacity-building',
      'CHANGEOVER_TOO_SHORT future-forum+closing',
    ]);
    expect(res.body.conflicts[1]).toEqual(MOLDOVA);
    expect(res.body.conflicts[0]).toEqual({
      code: 'CHANGEOVER_TOO_SHORT',
      severity: 'soft',
      sessions: ['se-youth', 'rt-1-1'],
      room: 'menara',
      start: '2018-12-05T13:25:00.000Z',
      end: '2018-12-05T13:30:00.000Z',
      message:
        'Menara Room has 5 minutes between "Young people on the move: partnerships for child and youth migrants" and "RT 1.1 From vulnerability to resilience: recognising migrants as agents of development" on Wed 5 Dec 14:25–14:30; it needs 15 to change over.',
    });
  });

  it('is for the support unit', async () => {
    expect((await api.http.get(`${S}/conflicts`)).status).toBe(401);
    const visitor = await signIn(api, 'visitor@example.org');
    expect((await api.http.get(`${S}/conflicts`).set(visitor.headers)).status).toBe(403);
  });
});

describe('resolution', () => {
  it("proposes moves that clear the Marketplace consultation's hard conflict", async () => {
    const res = await api.http.get(`${S}/sessions/mp-mda-diaspora/moves`).set(admin);
    expect([
      res.status,
      res.body.conflicts.map((c: { code: string }) => c.code),
      res.body.moves.length,
    ]).toEqual([200, ['DELEGATION_OVERCOMMITTED'], 5]);
    // From 09:00 Moldova's two delegates are at two places only (its side event runs to 09:45).
    expect(res.body.moves[0]).toEqual({
      room: 'mp-table-1',
      start: '2018-12-07T09:00+01:00',
      end: '2018-12-07T09:45+01:00',
      cost: 45,
      minutesFromOriginal: 45,
      otherRoom: false,
      softConflicts: [],
    });
  });

  it('says why neither Moldovan side event can be moved out of the over-commitment', async () => {
    for (const key of ['se-mobility-partnerships', 'se-capacity-building']) {
      const res = await api.http.get(`${S}/sessions/${key}/moves`).set(admin);
      expect([
        key,
        res.status,
        res.body.conflicts.length,
        res.body.moves,
        res.body.note,
        res.body.why,
      ]).toEqual([
        key,
        200,
        1,
        [],
        'No room and time clears it: both delegates of Republic of Moldova are committed elsewhere at every time it could take.',
        {
          code: 'noMove',
          reason: { code: 'delegationsBusy', delegations: [{ delegation: 'MDA', size: 2 }] },
        },
      ]);
    }
  });

  it("gives Moldova's agenda the rooms of its sessions, with their buildings", async () => {
    const res = await api.http.get(`${S}/delegations/MDA/agenda`).set(admin);
    expect(
      res.body.rooms.map((r: { key: string; name: string; building: string }) => [r.name, r.building]),
    ).toEqual([
      ['Orangeraie Room', 'Conference Centre'],
      ['Atlas Room', 'Hotel'],
      ['Marketplace Table 1', 'Conference Centre'],
    ]);
  });

  it('says why a session in no hard conflict, or a pinned one, gets no move', async () => {
    const free = await api.http.get(`${S}/sessions/rt-1-1/moves`).set(admin);
    const pinned = await api.http.get(`${S}/sessions/closing/moves`).set(admin);
    expect([free.body.note, free.body.why, pinned.body.note, pinned.body.why]).toEqual([
      'It is in no hard conflict: there is nothing for a move to clear.',
      { code: 'noHardConflict' },
      'It is pinned: no move is proposed for a pinned session.',
      { code: 'pinned' },
    ]);
  });

  it('moves a session and answers with its conflicts as saved', async () => {
    const res = await api.http
      .post(`${S}/sessions/mp-mda-diaspora/move`)
      .set(admin)
      .send({ start: '2018-12-07T09:05', end: '2018-12-07T09:50' });
    expect([res.status, res.body.session.start, res.body.conflicts]).toEqual([
      200,
      '2018-12-07T09:05+01:00',
      [],
    ]);
    const report = await api.http.get(`${S}/conflicts`).set(admin);
    expect(report.body.conflicts.filter((c: { severity: string }) => c.severity === 'hard')).toEqual([]);
  });

  it('places an accepted side event without breaking a hard rule, only once confirmed', async () => {
    await api.http
      .post(`${S}/sessions`)
      .set(admin)
      .send({
        key: 'se-diaspora-bonds',
        kind: 'side_event',
        title: 'Diaspora bonds for development finance',
        segment: 'se-thu-lunch',
        durationMinutes: 60,
        expectedAttendance: 70,
        equipment: ['projector'],
        preferredStarts: ['2018-12-06T13:15'],
        participants: [
          { delegation: 'KNOMAD', role: 'organiser' },
          { person: 'p-ratha', role: 'speaker' },
        ],
      });
    const proposal = await api.http.post(`${S}/place`).set(admin).send({ stepMinutes: 15 });
    expect([proposal.status, proposal.body.unplaced]).toEqual([200, []]);
    expect(proposal.body.placed).toEqual([
      {
        session: 'se-diaspora-bonds',
        room: 'atlas',
        start: '2018-12-06T13:15+01:00',
        end: '2018-12-06T14:15+01:00',
        cost: 1.25,
      },
    ]);
    const untouched = await api.http.get(`${S}/sessions/se-diaspora-bonds`).set(admin);
    expect(untouched.body.start).toBeUndefined();
    const applied = await api.http
      .post(`${S}/place/apply`)
      .set(admin)
      .send({ placements: proposal.body.placed.map(({ cost: _, ...p }: { cost: number }) => p) });
    expect([applied.status, applied.body]).toEqual([200, { placed: 1 }]);
    const placed = await api.http.get(`${S}/sessions/se-diaspora-bonds`).set(admin);
    expect([placed.body.room, placed.body.start]).toEqual(['atlas', '2018-12-06T13:15+01:00']);
  });

  it('refuses to apply a placement that would now break a hard rule', async () => {
    await api.http.post(`${S}/sessions`).set(admin).send({
      key: 'late-comer',
      kind: 'side_event',
      title: 'Late',
      segment: 'se-thu-lunch',
      durationMinutes: 60,
    });
    const res = await api.http
      .post(`${S}/place/apply`)
      .set(admin)
      .send({
        placements: [
          { session: 'late-comer', room: 'atlas', start: '2018-12-06T13:15', end: '2018-12-06T14:15' },
        ],
      });
    expect([
      res.status,
      res.body.errors[0].message.startsWith('Atlas Room is booked twice on Thu 6 Dec 13:15–14:15'),
    ]).toEqual([409, true]);
  });
});

describe('publishing', () => {
  it('needs every hard conflict accepted by name, and records the acceptance', async () => {
    // Put the Moldova clash back, as in the demo: the session is published, so the move names it.
    const back = await api.http
      .post(`${S}/sessions/mp-mda-diaspora/move`)
      .set(admin)
      .send({
        start: '2018-12-07T08:15',
        end: '2018-12-07T09:00',
        accept: [
          {
            code: 'DELEGATION_OVERCOMMITTED',
            sessions: MOLDOVA.sessions,
            delegation: 'MDA',
            reason: 'as in the demo',
          },
        ],
      });
    expect(back.status).toBe(200);
    await api.http.delete(`${S}/sessions/late-comer`).set(admin);
    const refused = await api.http.post(`${S}/publish`).set(admin).send({});
    expect([refused.status, refused.body.errors]).toEqual([
      409,
      [{ path: 'accept', message: MOLDOVA.message }],
    ]);
    const accept = [
      {
        code: 'DELEGATION_OVERCOMMITTED',
        sessions: ['se-capacity-building', 'mp-mda-diaspora', 'se-mobility-partnerships'],
        delegation: 'MDA',
        reason: 'Moldova brings a third delegate on Friday',
      },
    ];
    const published = await api.http.post(`${S}/publish`).set(admin).send({ accept });
    expect([
      published.status,
      published.body.published,
      published.body.accepted.map((c: { code: string }) => c.code),
    ]).toEqual([200, 22, ['DELEGATION_OVERCOMMITTED']]);
    const [entry] = (await api.http.get(`${S}/audit`).set(admin)).body;
    expect([entry.action, entry.after.published, entry.after.acceptedConflicts[0].reason]).toEqual([
      'publish',
      22,
      'Moldova brings a third delegate on Friday',
    ]);
  });
});

describe('POST /api/summits/{slug}/place', () => {
  const P = '/api/summits/placement-words';
  const file = placementWordsFile();

  // Five to place: the bonds side event and the coordination's room fit; the labour side event only
  // instead of the bonds one (the one room that seats 200 has one time for them); two fit nowhere.
  const proposal = {
    placed: [
      {
        session: 'se-bonds',
        room: 'orangeraie',
        start: '2018-12-07T08:00+01:00',
        end: '2018-12-07T09:00+01:00',
        cost: (20 / 220) * 10, // 20 of the Orangeraie Room's 220 seats empty
      },
      {
        session: 'icmpd-coordination',
        room: 'atlas',
        start: '2018-12-07T10:45+01:00',
        end: '2018-12-07T11:30+01:00',
        cost: 7.5, // 60 of the Atlas Room's 80 seats empty
      },
    ],
    unplaced: [
      {
        session: 'se-youth',
        reason: 'its moderator Daniela Morari is busy at every time it could take',
        why: { code: 'peopleBusy', people: [{ person: 'p-morari', role: 'moderator' }] },
      },
      { session: 'se-big', reason: 'no room seats 500', why: { code: 'noRoomSeats', expected: 500 } },
      {
        session: 'se-labour',
        reason:
          'every room and time it could take is taken by sessions placed here: "Diaspora bonds for development finance"',
        why: { code: 'taken', titles: ['Diaspora bonds for development finance'] },
      },
    ],
    cost: (20 / 220) * 10 + 7.5,
    bound: 2,
    optimal: true,
  };

  it('says how many it placed, that no arrangement places more, and why each other one is left out', async () => {
    expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
    const res = await api.http.post(`${P}/place`).set(admin).send({ stepMinutes: 30 });
    expect([res.status, res.body]).toEqual([200, proposal]);
  });

  it('places only the sessions named: the labour side event, now that nothing else takes the Orangeraie Room', async () => {
    const res = await api.http
      .post(`${P}/place`)
      .set(admin)
      .send({ stepMinutes: 30, sessions: ['se-labour'] });
    expect([res.status, res.body]).toEqual([
      200,
      {
        placed: [
          {
            session: 'se-labour',
            room: 'orangeraie',
            // The start nearest its preferred 09:00 at which an hour ends inside breakfast.
            start: '2018-12-07T08:30+01:00',
            end: '2018-12-07T09:30+01:00',
            cost: 30 + (20 / 220) * 10,
          },
        ],
        unplaced: [],
        cost: 30 + (20 / 220) * 10,
        bound: 1,
        optimal: true,
      },
    ]);
  });

  it('refuses to place only a session that is not to be placed, or one named twice, on its field', async () => {
    const res = await api.http
      .post(`${P}/place`)
      .set(admin)
      .send({ sessions: ['se-labour', 'nowhere', 'se-labour'] });
    const title = file.sessions!.find((s) => s.key === 'se-labour')!.title;
    expect([res.status, res.body]).toEqual([
      400,
      {
        errors: [
          { path: 'sessions[1]', message: 'unknown session "nowhere"' },
          { path: 'sessions[2]', message: `"${title}" is named twice` },
        ],
      },
    ]);
  });

  it('stops a placement whose caller went away, and answers nobody', async () => {
    const ctx = await openSummit(api.database.db, 'placement-words', { kind: 'admin', label: 'test' });
    if (!ctx.ok) throw new Error('the summit is missing');
    const gone = AbortSignal.abort();
    expect(
      await proposePlacement(api.database.db, ctx.value, { stepMinutes: 30, timeLimitMs: 10_000 }, gone),
    ).toEqual({
      ok: false,
      reason: 'unavailable',
      errors: [{ path: '', message: 'the request was abandoned' }],
    });
  });

  /** POST …/place asking for the streamed answer, its body kept as text (superagent parses no NDJSON). */
  const placeStreamed = (path: string, headers: Record<string, string>) =>
    asText(
      api.http
        .post(`${path}/place`)
        .set({ ...headers, accept: 'application/x-ndjson' })
        .send({ stepMinutes: 30 }),
    );

  it('streams how far it got, then the same proposal, to the support unit signed in', async () => {
    await api.http
      .post(`${P}/roles`)
      .set(admin)
      .send({ email: 'support@placement.example', role: 'support_unit', invite: false });
    const support = await signIn(api, 'support@placement.example');
    const res = await placeStreamed(P, support.headers);
    expect([
      res.status,
      res.headers['content-type'],
      res.headers['cache-control'],
      res.headers['x-accel-buffering'],
    ]).toEqual([200, 'application/x-ndjson; charset=utf-8', 'no-store', 'no']);
    const text = res.body as string;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .slice(0, -1)
      .split('\n')
      .map((l) => JSON.parse(l));
    type Progress = { placed: number; bound: number; total: number; elapsedMs: number; stage: string };
    const progress: Progress[] = lines.slice(0, -1).map((l) => l.progress);
    const times = progress.map(({ elapsedMs }) => elapsedMs);
    const steps = progress.map(({ elapsedMs: _, ...step }) => step);
    // The heuristic places the most at once, with a bound of 3 (the two side events for 200 could
    // start at two times); the solver proves 2. Its line comes within 200 ms of the first or not at
    // all: a newer line waits that long, and the proposal makes it needless.
    expect(steps[0]).toEqual({ placed: 2, bound: 3, total: 5, stage: 'heuristic' });
    expect(steps.slice(1)).toEqual(
      steps.length > 1 ? [{ placed: 2, bound: 2, total: 5, stage: 'solver' }] : [],
    );
    expect(times.every((ms) => Number.isInteger(ms) && ms >= 0 && ms < 3_000)).toBe(true);
    expect(lines.at(-1)).toEqual({ proposal });
    // Every session to place is in the proposal, placed or not.
    expect(proposal.placed.length + proposal.unplaced.length).toBe(5);
  });

  it('answers a caller who may not place with a JSON refusal, not a stream', async () => {
    const delegate = await signIn(api, 'tiendrebeogo@example.org'); // Burkina Faso, on the demo summit
    const res = await placeStreamed(S, delegate.headers);
    expect([res.status, res.headers['content-type'], JSON.parse(res.body as string)]).toEqual([
      403,
      'application/json; charset=utf-8',
      { errors: [{ path: '', message: 'only the support unit asks for moves and placements' }] },
    ]);
  });

  it('refuses to apply another time for the coordination, which keeps its own', async () => {
    const refused = await api.http
      .post(`${P}/place/apply`)
      .set(admin)
      .send({
        placements: [
          {
            session: 'icmpd-coordination',
            room: 'atlas',
            start: '2018-12-07T11:45',
            end: '2018-12-07T12:30',
          },
        ],
      });
    const title = file.sessions!.find((s) => s.key === 'icmpd-coordination')!.title;
    expect([refused.status, refused.body]).toEqual([
      400,
      {
        errors: [
          {
            path: 'placements[0].start',
            message: `"${title}" keeps its time, Fri 7 Dec 10:45–11:30: only a room can be given to it`,
          },
        ],
      },
    ]);
    const session = await api.http.get(`${P}/sessions/icmpd-coordination`).set(admin);
    // Still without a room (an unset field is left out), at its own time.
    expect(['room' in session.body, session.body.start]).toEqual([false, '2018-12-07T10:45+01:00']);
  });

  it('refuses a placement that names one session twice', async () => {
    const twice = {
      session: 'se-bonds',
      room: 'orangeraie',
      start: '2018-12-07T08:00',
      end: '2018-12-07T09:00',
    };
    const refused = await api.http
      .post(`${P}/place/apply`)
      .set(admin)
      .send({ placements: [twice, { ...twice, room: 'menara' }] });
    const title = file.sessions!.find((s) => s.key === 'se-bonds')!.title;
    expect([refused.status, refused.body]).toEqual([
      400,
      { errors: [{ path: 'placements[1].session', message: `"${title}" is placed twice` }] },
    ]);
  });

  it('applies a room for the coordination at its own time', async () => {
    const applied = await api.http
      .post(`${P}/place/apply`)
      .set(admin)
      .send({
        placements: [
          {
            session: 'icmpd-coordination',
            room: 'atlas',
            start: '2018-12-07T10:45',
            end: '2018-12-07T11:30',
          },
        ],
      });
    expect([applied.status, applied.body]).toEqual([200, { placed: 1 }]);
    const session = await api.http.get(`${P}/sessions/icmpd-coordination`).set(admin);
    expect([session.body.room, session.body.start, session.body.end]).toEqual([
      'atlas',
      '2018-12-07T10:45+01:00',
      '2018-12-07T11:30+01:00',
    ]);
  });
});
