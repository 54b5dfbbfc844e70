import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_ROLES } from '../../shared/schemas/enums.ts';
import type { SessionItem } from '../../shared/schemas/summit-file.ts';
import { loadDemoIfEmpty } from '../../server/demo/load-demo.ts';
import { testApi, type TestApi } from '../support/app.ts';

let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

describe('the demo summit', () => {
  it('loads into an empty database, once', async () => {
    expect(await loadDemoIfEmpty(api.database.db)).toBe('gfmd-2018');
    expect(await loadDemoIfEmpty(api.database.db)).toBeNull();
  });

  it('is GFMD 2018 in Marrakesh, public to read', async () => {
    const res = await api.http.get('/api/summits/gfmd-2018');
    const { offsets: _, ...summit } = res.body;
    expect([res.status, summit]).toEqual([
      200,
      {
        slug: 'gfmd-2018',
        name: 'GFMD 2018 Summit',
        theme: 'Honouring International Commitments to Unlock the Potential of All Migrants for Development',
        venue: 'Palmeira Resorts, Marrakesh',
        timeZone: 'Africa/Casablanca',
        startDate: '2018-12-05',
        endDate: '2018-12-07',
        proposalDeadline: '2018-09-28T23:59+01:00',
        travelMinutes: 10,
        language: 'en',
        days: ['2018-12-05', '2018-12-06', '2018-12-07'],
      },
    ]);
  });

  it("lists Friday 7 December's sessions in time order", async () => {
    const res = await api.http.get('/api/summits/gfmd-2018/programme?day=2018-12-07');
    expect(res.body.sessions.map((s: SessionItem) => `${s.start!.slice(11, 16)} ${s.key}`)).toEqual([
      '08:00 se-mobility-partnerships',
      '08:15 mp-mda-diaspora',
      '08:30 se-capacity-building',
      '10:00 future-forum',
      '11:45 closing',
    ]);
  });

  it("holds seed 003's side event: Friday 08:30, Orangeraie Room, 75 minutes, its organisers, moderator and five panellists", async () => {
    const res = await api.http.get('/api/summits/gfmd-2018/programme/sessions/se-capacity-building');
    const { session, room, segment } = res.body;
    expect([session.start, session.end, session.kind, session.equipment, session.microphones]).toEqual([
      '2018-12-07T08:30+01:00',
      '2018-12-07T09:45+01:00',
      'side_event',
      ['projector', 'screen'],
      6,
    ]);
    expect([
      room.name,
      room.capacity,
      room.equipment.includes('hdmi'),
      room.equipment.includes('usb'),
      segment.title,
    ]).toEqual(['Orangeraie Room', 220, true, true, 'Side events (breakfast)']);
    const byRole = (role: string) =>
      session.participants
        .filter((p: { role: string }) => p.role === role)
        .map((p: { person?: string; delegation?: string }) => p.person ?? p.delegation);
    expect([byRole('organiser'), byRole('moderator'), byRole('panellist')]).toEqual([
      ['MDA', 'ICMPD', 'p-chirita'],
      ['p-morari'],
      ['p-tiendrebeogo', 'p-amador', 'p-zaidi', 'p-hagstrom', 'p-genetzke'],
    ]);
    expect(res.body.people.find((p: { key: string }) => p.key === 'p-morari')).toEqual({
      key: 'p-morari',
      name: 'Daniela Morari',
      delegation: 'MDA',
      title: 'State Secretary for European Integration, Ministry of Foreign Affairs and European Integration',
    });
  });

  it('holds a roundtable with the roles of the Theme 6 paper', async () => {
    const res = await api.http.get('/api/summits/gfmd-2018/sessions/rt-3-1');
    const roles = (role: string) =>
      res.body.participants
        .filter((p: { role: string }) => p.role === role)
        .map((p: { person?: string; delegation?: string }) => p.person ?? p.delegation);
    expect([roles('co_chair'), roles('rapporteur'), roles('thematic_lead'), roles('observer')]).toEqual([
      ['SLV', 'GMB'],
      ['GBR'],
      ['p-ratha'],
      ['PER', 'ICMPD', 'IFAD', 'ILO', 'IOM', 'OECD', 'UNDP', 'UNICEF', 'KNOMAD', 'LAMP'],
    ]);
  });

  it('has a genuine clash: Moldova (two delegates) is committed to three sessions at 08:45 on Friday', async () => {
    const [sessions, people, delegations] = await Promise.all(
      ['sessions', 'people', 'delegations'].map((list) =>
        api.http.get(`/api/summits/gfmd-2018/${list}`).then((r) => r.body),
      ),
    );
    const delegationOf = new Map(
      people.map((p: { key: string; delegation?: string }) => [p.key, p.delegation]),
    );
    const at = Date.parse('2018-12-07T08:45+01:00');
    const committed = sessions.filter(
      (s: SessionItem) =>
        Date.parse(s.start!) <= at &&
        at < Date.parse(s.end!) &&
        s.participants.some(
          (p) => PRESENCE_ROLES.has(p.role) && (p.delegation ?? delegationOf.get(p.person!)) === 'MDA',
        ),
    );
    expect(committed.map((s: SessionItem) => s.key)).toEqual([
      'se-capacity-building',
      'se-mobility-partnerships',
      'mp-mda-diaspora',
    ]);
    expect(delegations.find((d: { key: string }) => d.key === 'MDA').size).toBe(2);
  });
});
