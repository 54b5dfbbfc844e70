// Every write route against every kind of caller: the expected status of each, in one table.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/db/schema.ts';
import { findSummit } from '../../server/core/summit-context.ts';
import { moldovaProposal } from '../factories/proposal.ts';
import { demoSummitFile } from '../factories/summit-file.ts';
import { admin, signIn, testApi, type Session, type TestApi } from '../support/app.ts';
import { TestSmtp } from '../support/smtp.ts';

const WHO = [
  'none',
  'visitor',
  'delegate of another delegation',
  'organiser of another side event',
  'focal point of Moldova',
  'support unit',
] as const;
type Who = (typeof WHO)[number];
const tag: Record<Who, string> = {
  none: 'none',
  visitor: 'visitor',
  'delegate of another delegation': 'delegate',
  'organiser of another side event': 'organiser',
  'focal point of Moldova': 'focal',
  'support unit': 'support',
};

let api: TestApi;
let smtp: TestSmtp;
const sessions = {} as Record<Who, Session | null>;
const S = '/api/summits/gfmd-2018';
const ids = {
  participant: 0,
  grants: {} as Record<string, number>,
  token: 0,
  message: 0,
  // Side-event proposals naming Moldova, one of each per caller: a draft, and one submitted.
  draft: {} as Record<string, number>,
  submitted: {} as Record<string, number>,
};

beforeAll(async () => {
  smtp = await new TestSmtp().start();
  api = await testApi({ smtp });
  expect((await api.http.post('/api/summits/import').set(admin).send(demoSummitFile())).status).toBe(201);
  const grant = (email: string, role: string, delegation?: string) =>
    api.http.post(`${S}/roles`).set(admin).send({ email, role, delegation, invite: false });
  await grant('focal.mda@example.org', 'focal_point', 'MDA');
  await grant('support@gfmd.example', 'support_unit');
  sessions.none = null;
  sessions.visitor = await signIn(api, 'visitor@example.org');
  sessions['delegate of another delegation'] = await signIn(api, 'tiendrebeogo@example.org'); // Burkina Faso
  sessions['organiser of another side event'] = await signIn(api, 'chirita@example.org'); // organises se-capacity-building
  sessions['focal point of Moldova'] = await signIn(api, 'focal.mda@example.org');
  sessions['support unit'] = await signIn(api, 'support@gfmd.example');
  // Things each caller may try to delete, one per caller.
  for (const who of WHO) {
    const t = tag[who];
    await api.http
      .post(`${S}/rooms`)
      .set(admin)
      .send({ key: `spare-${t}`, name: `Spare ${t}`, capacity: 10 });
    await api.http
      .post(`${S}/segments`)
      .set(admin)
      .send({
        key: `seg-${t}`,
        kind: 'break',
        title: 'Break',
        start: '2018-12-06T10:00',
        end: '2018-12-06T10:30',
      });
    await api.http
      .post(`${S}/delegations`)
      .set(admin)
      .send({ key: `X-${t}`, name: `Spare ${t}`, kind: 'other', size: 1 });
    await api.http
      .post(`${S}/people`)
      .set(admin)
      .send({ key: `p-mda-${t}`, name: `Moldovan ${t}`, delegation: 'MDA' });
    await api.http
      .post(`${S}/sessions`)
      .set(admin)
      .send({ key: `spare-${t}`, kind: 'meeting', title: 'Spare', durationMinutes: 30 });
    ids.grants[t] = (await grant(`visitor.${t}@example.org`, 'visitor')).body.id;
  }
  const zorrilla = await signIn(api, 'zorrilla@example.org');
  for (const who of WHO) {
    const t = tag[who];
    const form = {
      ...moldovaProposal(),
      title: `Capacity building (${t})`,
      organisers: [{ delegation: 'MDA' }],
      contacts: [{ name: 'Laura Zorrilla Fernandez', email: 'zorrilla@example.org' }],
    };
    ids.draft[t] = (await api.http.post(`${S}/proposals`).set(zorrilla.headers).send(form)).body.id;
    const id = (await api.http.post(`${S}/proposals`).set(zorrilla.headers).send(form)).body.id;
    // The demo's deadline has passed: the support unit takes the proposal late.
    expect((await api.http.post(`${S}/proposals/${id}/submit`).set(admin)).status).toBe(200);
    ids.submitted[t] = id;
  }
  await api.http.post(`${S}/sessions`).set(admin).send({
    key: 'to-place',
    kind: 'side_event',
    title: 'To place',
    segment: 'se-thu-lunch',
    durationMinutes: 60,
  });
  const participants = await api.http.get(`${S}/sessions/se-youth/participants`).set(admin);
  ids.participant = participants.body.find((p: { delegation?: string }) => p.delegation === 'SEN').id;
  ids.token = (
    await api.http.post('/api/tokens').set(sessions['support unit']!.headers).send({ name: 'support script' })
  ).body.id;
  const [failed] = await api.database.db
    .insert(outbox)
    .values({
      messageId: '<failed@convene.test>',
      summitId: (await findSummit(api.database.db, 'gfmd-2018'))!.id,
      kind: 'invite',
      recipient: 'x@example.org',
      subject: 'Invitation',
      bodyText: 'Hello',
      status: 'failed',
      lastError: '550 no such user',
    })
    .returning({ id: outbox.id });
  ids.message = failed!.id;
});
afterAll(async () => {
  await api.close();
  await smtp.stop();
});

type Case = {
  route: string;
  method: 'post' | 'patch' | 'put' | 'delete';
  path: (t: string) => string;
  body?: (t: string) => unknown;
  expect: number[];
};
// Columns, in WHO order: none, visitor, delegate of another, organiser of another, focal point of MDA, support unit.
const CASES: Case[] = [
  {
    route: 'POST /api/summits',
    method: 'post',
    path: () => '/api/summits',
    body: (t) => ({
      slug: `new-${t}`,
      name: 'New',
      timeZone: 'UTC',
      startDate: '2027-01-01',
      endDate: '2027-01-02',
    }),
    expect: [401, 403, 403, 403, 403, 403],
  },
  {
    route: 'PATCH /api/summits/{slug}',
    method: 'patch',
    path: () => S,
    body: () => ({ venue: 'Palmeira Resorts, Marrakech' }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'DELETE /api/summits/{slug}',
    method: 'delete',
    path: () => '/api/summits/gfmd-2018',
    expect: [401, 403, 403, 403, 403, 403],
  },
  {
    route: 'POST rooms',
    method: 'post',
    path: () => `${S}/rooms`,
    body: (t) => ({ key: `new-${t}`, name: 'New', capacity: 5 }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'PATCH rooms/{key}',
    method: 'patch',
    path: () => `${S}/rooms/orangeraie`,
    body: () => ({ capacity: 230 }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'DELETE rooms/{key}',
    method: 'delete',
    path: (t) => `${S}/rooms/spare-${t}`,
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: 'POST segments',
    method: 'post',
    path: () => `${S}/segments`,
    body: (t) => ({
      key: `new-${t}`,
      kind: 'break',
      title: 'Coffee',
      start: '2018-12-05T10:30',
      end: '2018-12-05T11:00',
    }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'PATCH segments/{key}',
    method: 'patch',
    path: () => `${S}/segments/pfp`,
    body: () => ({ title: 'Platform for Partnerships (PfP)' }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'DELETE segments/{key}',
    method: 'delete',
    path: (t) => `${S}/segments/seg-${t}`,
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: 'POST delegations',
    method: 'post',
    path: () => `${S}/delegations`,
    body: (t) => ({ key: `N-${t}`, name: 'New', kind: 'other', size: 1 }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'PATCH delegations/MDA',
    method: 'patch',
    path: () => `${S}/delegations/MDA`,
    body: () => ({ size: 3 }),
    expect: [401, 403, 403, 403, 200, 200],
  },
  {
    route: 'DELETE delegations/{key}',
    method: 'delete',
    path: (t) => `${S}/delegations/X-${t}`,
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: 'POST people (into Moldova)',
    method: 'post',
    path: () => `${S}/people`,
    body: (t) => ({ key: `p-new-${t}`, name: 'New delegate', delegation: 'MDA' }),
    expect: [401, 403, 403, 403, 201, 201],
  },
  {
    route: 'PATCH people/p-chisinau (Moldova)',
    method: 'patch',
    path: () => `${S}/people/p-chisinau`,
    body: () => ({ title: 'Head of the Bureau for Diaspora Relations, State Chancellery' }),
    expect: [401, 403, 403, 403, 200, 200],
  },
  {
    // Named in no published session: hidden from all but Moldova's focal point and the support
    // unit, so answered as missing (404), as a person that does not exist would be.
    route: 'DELETE people/{key} (Moldova)',
    method: 'delete',
    path: (t) => `${S}/people/p-mda-${t}`,
    expect: [401, 404, 404, 404, 204, 204],
  },
  {
    route: 'POST sessions',
    method: 'post',
    path: () => `${S}/sessions`,
    body: (t) => ({ key: `new-${t}`, kind: 'meeting', title: 'New', durationMinutes: 30 }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'PATCH sessions/se-youth (side event)',
    method: 'patch',
    path: () => `${S}/sessions/se-youth`,
    body: () => ({ expectedAttendance: 100 }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    // Drafts: hidden from all but the support unit, so answered as missing.
    route: 'DELETE sessions/{key}',
    method: 'delete',
    path: (t) => `${S}/sessions/spare-${t}`,
    expect: [401, 404, 404, 404, 404, 204],
  },
  {
    route: 'POST sessions/se-youth/participants',
    method: 'post',
    path: () => `${S}/sessions/se-youth/participants`,
    body: () => ({ delegation: 'CHE', role: 'observer' }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'DELETE sessions/se-youth/participants/{id}',
    method: 'delete',
    path: () => `${S}/sessions/se-youth/participants/${ids.participant}`,
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: 'POST roles',
    method: 'post',
    path: () => `${S}/roles`,
    body: (t) => ({ email: `new.${t}@example.org`, role: 'visitor', invite: false }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: 'DELETE roles/{id}',
    method: 'delete',
    path: (t) => `${S}/roles/${ids.grants[t]}`,
    expect: [401, 403, 403, 403, 403, 204],
  },
  {
    route: 'POST /api/tokens',
    method: 'post',
    path: () => '/api/tokens',
    body: (t) => ({ name: `script ${t}` }),
    expect: [401, 403, 403, 403, 403, 201],
  },
  {
    route: "DELETE /api/tokens/{id} (the support unit's)",
    method: 'delete',
    path: () => `/api/tokens/${ids.token}`,
    expect: [401, 404, 404, 404, 404, 204],
  },
  {
    route: 'POST /api/outbox/{id}/resend',
    method: 'post',
    path: () => `/api/outbox/${ids.message}/resend`,
    expect: [401, 404, 404, 404, 404, 200],
  },
  {
    route: 'POST sessions/se-youth/move',
    method: 'post',
    path: () => `${S}/sessions/se-youth/move`,
    body: () => ({ start: '2018-12-05T13:20', end: '2018-12-05T14:20' }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST place',
    method: 'post',
    path: () => `${S}/place`,
    body: () => ({ stepMinutes: 30 }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST place/apply',
    method: 'post',
    path: () => `${S}/place/apply`,
    body: () => ({
      placements: [
        { session: 'to-place', room: 'majorelle', start: '2018-12-06T13:15', end: '2018-12-06T14:15' },
      ],
    }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  {
    route: 'POST publish',
    method: 'post',
    path: () => `${S}/publish`,
    body: () => ({
      accept: [
        {
          code: 'DELEGATION_OVERCOMMITTED',
          sessions: ['se-mobility-partnerships', 'mp-mda-diaspora', 'se-capacity-building'],
          delegation: 'MDA',
          reason: 'Moldova brings a third delegate',
        },
      ],
    }),
    expect: [401, 403, 403, 403, 403, 200],
  },
  // Side-event proposals: one that a caller may not see is not found (404), whatever the route.
  {
    route: 'POST proposals',
    method: 'post',
    path: () => `${S}/proposals`,
    body: (t) => ({ title: `A side event of ${t}` }),
    expect: [401, 201, 201, 201, 201, 201],
  },
  {
    route: 'PATCH proposals/{id} (a draft)',
    method: 'patch',
    path: (t) => `${S}/proposals/${ids.draft[t]}`,
    body: () => ({ expectedAttendance: 150 }),
    expect: [401, 404, 404, 404, 404, 200],
  },
  {
    route: 'PUT proposals/{id}/deadline (a draft)',
    method: 'put',
    path: (t) => `${S}/proposals/${ids.draft[t]}/deadline`,
    body: () => ({ until: '2018-10-05T23:59' }),
    expect: [401, 404, 404, 404, 404, 200],
  },
  {
    route: 'POST proposals/{id}/submit (a draft, after the deadline)',
    method: 'post',
    path: (t) => `${S}/proposals/${ids.draft[t]}/submit`,
    expect: [401, 404, 404, 404, 404, 200],
  },
  {
    // Moldova's focal point reads a submitted proposal naming Moldova, but does not organise it.
    route: 'POST proposals/{id}/comments (submitted)',
    method: 'post',
    path: (t) => `${S}/proposals/${ids.submitted[t]}/comments`,
    body: () => ({ body: 'Is a room for 220 still needed?' }),
    expect: [401, 404, 404, 404, 403, 201],
  },
  {
    route: 'PUT proposals/{id}/report (submitted)',
    method: 'put',
    path: (t) => `${S}/proposals/${ids.submitted[t]}/report`,
    body: () => ({ attendance: 140, conclusions: 'Well attended.' }),
    expect: [401, 404, 404, 404, 403, 409],
  },
  {
    route: 'POST proposals/{id}/withdraw (submitted)',
    method: 'post',
    path: (t) => `${S}/proposals/${ids.submitted[t]}/withdraw`,
    expect: [401, 404, 404, 404, 403, 403],
  },
  {
    route: 'POST proposals/{id}/decision (submitted)',
    method: 'post',
    path: (t) => `${S}/proposals/${ids.submitted[t]}/decision`,
    body: () => ({ decision: 'reject', message: 'The programme is full.' }),
    expect: [401, 404, 404, 404, 403, 200],
  },
  // The Marketplace: only its participants (delegates of a delegation of the summit) and the
  // support unit reach it; someone signed in with no part in the summit finds nothing.
  {
    route: 'PATCH marketplace (its settings)',
    method: 'patch',
    path: () => `${S}/marketplace`,
    body: () => ({ slotMinutes: 45 }),
    expect: [401, 404, 403, 403, 403, 200],
  },
  {
    route: 'POST marketplace/needs (for Moldova)',
    method: 'post',
    path: () => `${S}/marketplace/needs`,
    body: (t) => ({ key: `mda-need-${t}`, owner: 'MDA', title: 'Diaspora bonds' }),
    expect: [401, 404, 403, 403, 201, 201],
  },
  {
    route: 'PATCH marketplace/needs/mda-diaspora',
    method: 'patch',
    path: () => `${S}/marketplace/needs/mda-diaspora`,
    body: () => ({ title: 'Diaspora engagement strategy' }),
    expect: [401, 404, 403, 403, 200, 200],
  },
  {
    route: 'POST marketplace/consultations/{id}/accept (none such)',
    method: 'post',
    path: () => `${S}/marketplace/consultations/999999/accept`,
    body: () => ({}),
    expect: [401, 404, 404, 404, 404, 404],
  },
  // Last: a replacement sweeps away the items the cases above use.
  {
    route: 'POST /api/summits/import?replace=true',
    method: 'post',
    path: () => '/api/summits/import?replace=true',
    body: () => demoSummitFile(),
    expect: [401, 403, 403, 403, 403, 201],
  },
];

describe('authorisation of every write route', () => {
  it('answers each caller with the expected status', async () => {
    const actual: Record<string, number[]> = {};
    const expected: Record<string, number[]> = {};
    for (const c of CASES) {
      expected[c.route] = c.expect;
      actual[c.route] = [];
      for (const who of WHO) {
        const t = tag[who];
        let req = api.http[c.method](c.path(t));
        if (sessions[who]) req = req.set(sessions[who]!.headers);
        const res = c.body ? await req.send(c.body(t) as object) : await req;
        actual[c.route]!.push(res.status);
      }
    }
    expect(actual).toEqual(expected);
  });
});

describe('what each role may do to its own things', () => {
  it('an organiser describes their own side event but cannot move it', async () => {
    const chirita = sessions['organiser of another side event']!;
    const described = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(chirita.headers)
      .send({ expectedAttendance: 150, microphones: 5 });
    expect([described.status, described.body.expectedAttendance]).toEqual([200, 150]);
    const moved = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(chirita.headers)
      .send({ room: 'menara', start: '2018-12-07T08:00', end: '2018-12-07T09:15' });
    expect([moved.status, moved.body.errors]).toEqual([
      403,
      [
        {
          path: 'room',
          message:
            'organisers may change only title, expectedAttendance, equipment, microphones, participants of their side event, not room, start, end',
        },
      ],
    ]);
    const panellist = await api.http
      .post(`${S}/sessions/se-capacity-building/participants`)
      .set(chirita.headers)
      .send({ delegation: 'SEN', role: 'panellist' });
    expect(panellist.status).toBe(201);
  });

  it('a delegate corrects their own title, not their delegation', async () => {
    const tiendrebeogo = sessions['delegate of another delegation']!;
    const title = await api.http
      .patch(`${S}/people/p-tiendrebeogo`)
      .set(tiendrebeogo.headers)
      .send({ title: 'Minister of African Integration and Burkinabè Abroad' });
    expect(title.status).toBe(200);
    const moved = await api.http
      .patch(`${S}/people/p-tiendrebeogo`)
      .set(tiendrebeogo.headers)
      .send({ delegation: 'MDA' });
    expect([moved.status, moved.body.errors]).toEqual([
      403,
      [{ path: '', message: 'you may not change person "p-tiendrebeogo" in this summit' }],
    ]);
  });

  it('a focal point cannot move a Moldovan delegate to another delegation', async () => {
    const focal = sessions['focal point of Moldova']!;
    const res = await api.http.patch(`${S}/people/p-chisinau`).set(focal.headers).send({ delegation: 'BFA' });
    expect(res.status).toBe(403);
  });

  it('only the support unit reads the export, the outbox, the audit log and the roles', async () => {
    const paths = [`${S}/export`, `${S}/outbox`, `${S}/audit`, `${S}/roles`];
    const table: Record<string, number[]> = {};
    for (const path of paths) {
      table[path] = [];
      for (const who of WHO) {
        const req = api.http.get(path);
        table[path]!.push((await (sessions[who] ? req.set(sessions[who]!.headers) : req)).status);
      }
    }
    expect(table).toEqual(Object.fromEntries(paths.map((p) => [p, [401, 403, 403, 403, 403, 200]])));
  });
});
