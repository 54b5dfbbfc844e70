// Naming another delegation or its people in a session is a request that the support unit or that
// delegation's focal point confirms; until then it does not count against them (issue 8, item 16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, type Session, signIn, testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
const S = '/api/summits/gfmd-2018-small';
let organiser: Session; // ICMPD's organiser of se-icmpd
let focalMda: Session;
let focalIcmpd: Session;

beforeAll(async () => {
  api = await testApi();
  const file = smallSummitFile();
  file.rooms!.push({ key: 'atlas', name: 'Atlas Room', capacity: 80 });
  file.people!.push({
    key: 'p-organiser',
    name: 'ICMPD organiser',
    email: 'organiser@icmpd.example',
    delegation: 'ICMPD',
  });
  file.sessions!.push(
    // Moldova (2 delegates) is at its side event and at this consultation from 08:30 to 09:00.
    {
      key: 'mp-mda',
      kind: 'marketplace_consultation',
      title: 'Marketplace: Moldova',
      start: '2018-12-07T08:30',
      end: '2018-12-07T09:00',
      status: 'published',
      participants: [{ delegation: 'MDA', role: 'owner' }],
    },
    {
      key: 'se-icmpd',
      kind: 'side_event',
      title: 'Labour migration governance',
      room: 'atlas',
      start: '2018-12-07T08:30',
      end: '2018-12-07T09:30',
      participants: [{ person: 'p-organiser', role: 'organiser' }],
    },
  );
  expect((await api.http.post('/api/summits/import').set(admin).send(file)).status).toBe(201);
  const grant = (email: string, delegation: string) =>
    api.http.post(`${S}/roles`).set(admin).send({ email, role: 'focal_point', delegation, invite: false });
  expect((await grant('focal.mda@example.org', 'MDA')).status).toBe(201);
  expect((await grant('focal.icmpd@example.org', 'ICMPD')).status).toBe(201);
  organiser = await signIn(api, 'organiser@icmpd.example');
  focalMda = await signIn(api, 'focal.mda@example.org');
  focalIcmpd = await signIn(api, 'focal.icmpd@example.org');
});
afterAll(async () => {
  await api.close();
});

const participants = async (key: string) =>
  (await api.http.get(`${S}/sessions/${key}/participants`).set(admin)).body.map(
    ({ id: _, ...p }: { id: number }) => p,
  );
const moldovaOvercommitted = async () =>
  (await api.http.get(`${S}/conflicts`).set(admin)).body.conflicts
    .filter((c: { code: string; delegation?: string }) => c.code === 'DELEGATION_OVERCOMMITTED')
    .map((c: { sessions: string[] }) => c.sessions);
let mdaRequest = 0;
let morariRequest = 0;

describe('an organiser naming another delegation or its people', () => {
  it('makes a request that does not count against that delegation', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-icmpd/participants`)
      .set(organiser.headers)
      .send({ delegation: 'MDA', role: 'panellist' });
    expect([res.status, { ...res.body, id: 0 }]).toEqual([
      201,
      { id: 0, delegation: 'MDA', role: 'panellist', confirmed: false },
    ]);
    mdaRequest = res.body.id;
    expect(await moldovaOvercommitted()).toEqual([]);
  });

  it("makes a request of another delegation's person too", async () => {
    const res = await api.http
      .post(`${S}/sessions/se-icmpd/participants`)
      .set(organiser.headers)
      .send({ person: 'p-morari', role: 'speaker' });
    expect([res.status, res.body.confirmed]).toEqual([201, false]);
    morariRequest = res.body.id;
    const conflicts = (await api.http.get(`${S}/conflicts`).set(admin)).body.conflicts;
    expect(conflicts.filter((c: { person?: string }) => c.person === 'p-morari')).toEqual([]);
  });

  it('needs no confirmation for its own delegation and its people', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-icmpd/participants`)
      .set(organiser.headers)
      .send({ person: 'p-genetzke', role: 'moderator' });
    expect([res.status, 'confirmed' in res.body]).toEqual([201, false]);
  });

  it('may not confirm the request itself, by the route or by a PATCH', async () => {
    const confirm = await api.http
      .post(`${S}/sessions/se-icmpd/participants/${mdaRequest}/confirm`)
      .set(organiser.headers);
    expect([confirm.status, confirm.body]).toEqual([
      403,
      {
        errors: [
          {
            path: '',
            message:
              'only the support unit or the focal point of delegation "MDA" may confirm this participant',
          },
        ],
      },
    ]);
    const current = await participants('se-icmpd');
    const patched = await api.http
      .patch(`${S}/sessions/se-icmpd`)
      .set(organiser.headers)
      .send({ participants: current.map((p: object) => ({ ...p, confirmed: true })) });
    expect([patched.status, patched.body.errors]).toEqual([
      403,
      [
        {
          path: 'participants[1].confirmed',
          message:
            'only the support unit or the focal point of delegation "MDA" may confirm this participant',
        },
      ],
    ]);
  });

  it('keeps the requests when it sends the participants back without their flags', async () => {
    const current = await participants('se-icmpd');
    const res = await api.http
      .patch(`${S}/sessions/se-icmpd`)
      .set(organiser.headers)
      .send({
        title: 'Labour migration governance in practice',
        participants: current.map(({ confirmed: _, ...p }: { confirmed?: boolean }) => p),
      });
    expect([res.status, res.body.participants]).toEqual([
      200,
      [
        { person: 'p-organiser', role: 'organiser' },
        { delegation: 'MDA', role: 'panellist', confirmed: false },
        { person: 'p-morari', role: 'speaker', confirmed: false },
        { person: 'p-genetzke', role: 'moderator' },
      ],
    ]);
  });
});

describe("the delegation's focal point or the support unit", () => {
  it('is the only one to confirm: a focal point of another delegation may not', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-icmpd/participants/${mdaRequest}/confirm`)
      .set(focalIcmpd.headers);
    expect(res.status).toBe(403);
  });

  it('confirms the request, and from then on it counts against the delegation', async () => {
    const res = await api.http
      .post(`${S}/sessions/se-icmpd/participants/${mdaRequest}/confirm`)
      .set(focalMda.headers)
      .send({});
    expect([res.status, res.body]).toEqual([200, { id: mdaRequest, delegation: 'MDA', role: 'panellist' }]);
    expect(await moldovaOvercommitted()).toEqual([['mp-mda', 'se-icmpd', 'se-capacity-building']]);
    const again = await api.http
      .post(`${S}/sessions/se-icmpd/participants/${mdaRequest}/confirm`)
      .set(focalMda.headers);
    expect([again.status, again.body]).toEqual([
      200,
      { id: mdaRequest, delegation: 'MDA', role: 'panellist' },
    ]);
  });

  it('declines a request by removing it', async () => {
    const res = await api.http
      .delete(`${S}/sessions/se-icmpd/participants/${morariRequest}`)
      .set(focalMda.headers);
    expect(res.status).toBe(204);
    expect((await participants('se-icmpd')).map((p: { person?: string }) => p.person)).not.toContain(
      'p-morari',
    );
  });

  it('may not remove a participant it has confirmed: only the organiser or the support unit may', async () => {
    const res = await api.http
      .delete(`${S}/sessions/se-icmpd/participants/${mdaRequest}`)
      .set(focalMda.headers);
    expect([res.status, res.body]).toEqual([
      403,
      { errors: [{ path: '', message: 'you may not change session "se-icmpd" in this summit' }] },
    ]);
  });

  it("adds participants that are confirmed, and the summit file keeps a request's state", async () => {
    const added = await api.http
      .post(`${S}/sessions/se-icmpd/participants`)
      .set(admin)
      .send({ delegation: 'MDA', role: 'observer' });
    expect([added.status, 'confirmed' in added.body]).toEqual([201, false]);
    const requested = await api.http
      .post(`${S}/sessions/se-icmpd/participants`)
      .set(organiser.headers)
      .send({ person: 'p-morari', role: 'panellist' });
    expect(requested.body.confirmed).toBe(false);
    const exported = (await api.http.get(`${S}/export`).set(admin)).body;
    const session = exported.sessions.find((s: { key: string }) => s.key === 'se-icmpd');
    expect(session.participants).toEqual([
      { person: 'p-organiser', role: 'organiser' },
      { delegation: 'MDA', role: 'panellist' },
      { person: 'p-genetzke', role: 'moderator' },
      { delegation: 'MDA', role: 'observer' },
      { person: 'p-morari', role: 'panellist', confirmed: false },
    ]);
    const reimported = await api.http.post('/api/summits/import?replace=true').set(admin).send(exported);
    expect(reimported.status).toBe(201);
    expect((await api.http.get(`${S}/export`).set(admin)).body).toEqual(exported);
  });
});
