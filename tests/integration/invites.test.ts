// Publishing makes a release; each release after the first is compared with the last and each
// person committed to an affected session gets one iTIP message for it (issue 12, item 1).
import { asc, gt } from 'drizzle-orm';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../server/db/schema.ts';
import { smallSummitFile } from '../factories/summit-file.ts';
import { admin, asText, testApi, type TestApi } from '../support/app.ts';
import { eventProps, icsInstant, icsLines, icsUnescape } from '../support/ics-lines.ts';

const SLUG = 'gfmd-2018-small';
const S = `/api/summits/${SLUG}`;
const TITLE = 'Skills, mobility; and trade — الهجرة والتنمية · 移民与发展';
let api: TestApi;
let seen = 0;

function file() {
  const f = smallSummitFile();
  f.rooms!.push({
    key: 'atlas',
    name: 'Atlas Room',
    capacity: 80,
    building: 'Riad Pavilion',
    microphones: 4,
  });
  f.people!.push(
    { key: 'p-chen', name: 'Chen Wei', email: 'chen.wei@example.org', delegation: 'ICMPD' },
    { key: 'p-haddad', name: 'Leila Haddad', email: 'l.haddad@example.org', delegation: 'MDA' },
  );
  f.sessions!.push(
    {
      key: 'rt-1-2',
      kind: 'roundtable',
      title: TITLE,
      room: 'atlas',
      start: '2018-12-06T10:00',
      end: '2018-12-06T11:30',
      expectedAttendance: 40,
      participants: [
        { person: 'p-haddad', role: 'moderator' },
        { person: 'p-morari', role: 'observer' },
      ],
    },
    {
      key: 'unplaced',
      kind: 'meeting',
      title: 'Not placed yet',
      durationMinutes: 60,
      participants: [{ person: 'p-chen', role: 'moderator' }],
    },
  );
  return f;
}

beforeAll(async () => {
  api = await testApi();
  const imported = await api.http.post('/api/summits/import').set(admin).send(file());
  expect([imported.status, imported.body.errors]).toEqual([201, undefined]);
});
afterAll(async () => {
  await api.close();
});

/** The messages queued since the last call. */
async function queued() {
  const rows = await api.database.db.select().from(outbox).where(gt(outbox.id, seen)).orderBy(asc(outbox.id));
  seen = Math.max(seen, ...rows.map((r) => r.id));
  return rows.filter((r) => r.kind.startsWith('invite_'));
}
const publish = async () => {
  const res = await api.http.post(`${S}/publish`).set(admin).send({});
  expect(res.status).toBe(200);
  return res.body.release;
};
const summary = (rows: Awaited<ReturnType<typeof queued>>) =>
  rows.map((r) => [r.kind, r.recipient, r.icalMethod, r.subject]).sort();

/** The event as ical.js reads it, and as the line reader reads it: the same facts from both. */
function bothParsers(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const events = cal.getAllSubcomponents('vevent');
  const e = events[0]!;
  const attendee = e.getFirstProperty('attendee')!;
  const fromIcalJs = {
    method: cal.getFirstPropertyValue('method'),
    events: events.length,
    timezones: cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    uid: e.getFirstPropertyValue('uid'),
    sequence: e.getFirstPropertyValue('sequence'),
    status: e.getFirstPropertyValue('status'),
    start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
    end: (e.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime(),
    summary: e.getFirstPropertyValue('summary'),
    location: e.getFirstPropertyValue('location'),
    organizer: e.getFirstPropertyValue('organizer'),
    attendee: [attendee.getFirstValue(), attendee.getParameter('rsvp'), attendee.getParameter('partstat')],
  };
  const lines = icsLines(ics);
  const p = eventProps(lines);
  const fromLines = {
    method: lines.find((l) => l.name === 'METHOD')?.value,
    events: lines.filter((l) => l.name === 'BEGIN' && l.value === 'VEVENT').length,
    timezones: lines.filter((l) => l.name === 'TZID').map((l) => l.value),
    uid: p.UID!.value,
    sequence: Number(p.SEQUENCE!.value),
    status: p.STATUS!.value,
    start: icsInstant(p.DTSTART!),
    end: icsInstant(p.DTEND!),
    summary: icsUnescape(p.SUMMARY!.value),
    location: icsUnescape(p.LOCATION!.value),
    organizer: p.ORGANIZER!.value,
    attendee: [p.ATTENDEE!.value, p.ATTENDEE!.params.RSVP, p.ATTENDEE!.params.PARTSTAT],
  };
  expect(fromLines).toEqual(fromIcalJs);
  // A third reader, maintained apart from ical.js: node-ical.
  const event = Object.values(nodeIcal.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as
    | { uid: string; sequence: string | number; start: Date; end: Date; summary: string; method?: string }
    | undefined;
  expect({
    uid: event?.uid,
    sequence: Number(event?.sequence),
    start: event?.start.getTime(),
    end: event?.end.getTime(),
    summary: event?.summary,
    method: event?.method,
  }).toEqual({
    uid: fromIcalJs.uid,
    sequence: fromIcalJs.sequence,
    start: fromIcalJs.start,
    end: fromIcalJs.end,
    summary: fromIcalJs.summary,
    method: fromIcalJs.method,
  });
  return fromIcalJs;
}

const apiTimes = async (key: string) => {
  const s = (await api.http.get(`${S}/sessions/${key}`).set(admin)).body;
  return { start: Date.parse(s.start), end: Date.parse(s.end) };
};

describe('releases and invitations', () => {
  it('first publication: one REQUEST per committed person with an address and session', async () => {
    await queued();
    expect(await publish()).toEqual({ number: 1, invitations: 4 });
    const rows = await queued();
    const CB = 'What role for capacity building in turning the Global Compact on Migration into action?';
    expect(summary(rows)).toEqual([
      ['invite_request', 'chen.wei@example.org', 'REQUEST', `Invitation: ${CB}`],
      ['invite_request', 'd.morari@example.org', 'REQUEST', `Invitation: ${CB}`],
      ['invite_request', 'l.haddad@example.org', 'REQUEST', `Invitation: ${TITLE}`],
      ['invite_request', 'l.haddad@example.org', 'REQUEST', `Invitation: ${CB}`],
    ]);
    const rt = rows.find((r) => r.subject === `Invitation: ${TITLE}`)!;
    expect(bothParsers(rt.ical!)).toEqual({
      method: 'REQUEST',
      events: 1,
      timezones: ['Africa/Casablanca'],
      uid: `rt-1-2@${SLUG}.convene`,
      sequence: 0,
      status: 'CONFIRMED',
      ...(await apiTimes('rt-1-2')),
      summary: TITLE,
      location: 'Atlas Room, Riad Pavilion, Palmeira Resorts, Marrakesh',
      organizer: 'mailto:no-reply@convene.test',
      attendee: ['MAILTO:l.haddad@example.org', 'TRUE', 'NEEDS-ACTION'],
    });
    expect(rt.bodyText.split('\n\n').slice(0, 3)).toEqual([
      'Hello Leila Haddad,',
      `You are invited as moderator to “${TITLE}”, Thursday 6 December 2018, 10:00–11:30 (Africa/Casablanca), Atlas Room, Riad Pavilion, Palmeira Resorts, Marrakesh.`,
      `GFMD 2018 Summit: http://convene.test/summits/${SLUG}/sessions/rt-1-2`,
    ]);
    const morari = rows.find((r) => r.recipient === 'd.morari@example.org')!;
    expect(morari.bodyText).toContain('You are invited as moderator and organiser to “What role');
    for (const r of rows) expect(bothParsers(r.ical!).sequence).toBe(0);

    // Three zones (issue 12, item 4): the summit's (Casablanca, UTC+1 that December), the reader's
    // (the tests run in Asia/Kathmandu, +05:45) and an attendee's in Mexico City (UTC-6): the
    // invitation's VTIMEZONE gives one instant, which each calendar shows on its own clock.
    const start = bothParsers(rt.ical!).start;
    const wall = (timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(start);
    expect([
      wall('Africa/Casablanca'),
      wall(Intl.DateTimeFormat().resolvedOptions().timeZone),
      wall('America/Mexico_City'),
    ]).toEqual(['06/12/2018, 10:00', '06/12/2018, 14:45', '06/12/2018, 03:00']);
  });

  it('a moved session: only its people, the same UID, SEQUENCE 1', async () => {
    const moved = await api.http
      .post(`${S}/sessions/rt-1-2/move`)
      .set(admin)
      .send({ room: 'orangeraie', start: '2018-12-06T14:00', end: '2018-12-06T15:30' });
    expect(moved.status).toBe(200);
    expect(await publish()).toEqual({ number: 2, invitations: 1 });
    const [row, ...more] = await queued();
    expect(more).toEqual([]);
    expect([row!.recipient, row!.subject]).toEqual(['l.haddad@example.org', `Updated invitation: ${TITLE}`]);
    expect(bothParsers(row!.ical!)).toMatchObject({
      method: 'REQUEST',
      uid: `rt-1-2@${SLUG}.convene`,
      sequence: 1,
      ...(await apiTimes('rt-1-2')),
      location: 'Orangeraie Room, Conference Centre, Palmeira Resorts, Marrakesh',
    });
    // The published calendar (export and feeds) carries the same SEQUENCE as the invitation.
    const exported = await asText(api.http.get(`${S}/calendar.ics`));
    const events = icsLines(String(exported.body)).reduce<{ uid?: string; sequence?: string }[]>((all, l) => {
      if (l.name === 'BEGIN' && l.value === 'VEVENT') all.push({});
      else if (l.name === 'UID') all.at(-1)!.uid = l.value;
      else if (l.name === 'SEQUENCE') all.at(-1)!.sequence = l.value;
      return all;
    }, []);
    expect(events.find((e) => e.uid === `rt-1-2@${SLUG}.convene`)?.sequence).toBe('1');
  });

  it('publishing again without a change queues nothing', async () => {
    expect(await publish()).toEqual({ number: 3, invitations: 0 });
    expect(await queued()).toEqual([]);
  });

  it('a change no calendar shows (expected attendance) queues nothing', async () => {
    const res = await api.http.patch(`${S}/sessions/rt-1-2`).set(admin).send({ expectedAttendance: 60 });
    expect(res.status).toBe(200);
    expect(await publish()).toEqual({ number: 4, invitations: 0 });
  });

  it('a person no longer committed gets a CANCEL for that session alone', async () => {
    const cb = (await api.http.get(`${S}/sessions/se-capacity-building`).set(admin)).body;
    const participants = cb.participants.filter((p: { delegation?: string }) => p.delegation !== 'ICMPD');
    expect(
      (await api.http.patch(`${S}/sessions/se-capacity-building`).set(admin).send({ participants })).status,
    ).toBe(200);
    expect(await publish()).toEqual({ number: 5, invitations: 1 });
    const [row] = await queued();
    expect([row!.kind, row!.recipient, row!.icalMethod]).toEqual([
      'invite_cancel',
      'chen.wei@example.org',
      'CANCEL',
    ]);
    expect(bothParsers(row!.ical!)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1 });
  });

  it('a deleted session: METHOD:CANCEL, STATUS:CANCELLED and a higher SEQUENCE', async () => {
    expect((await api.http.delete(`${S}/sessions/rt-1-2`).set(admin)).status).toBe(204);
    expect(await publish()).toEqual({ number: 6, invitations: 1 });
    const [row] = await queued();
    expect([row!.kind, row!.recipient, row!.subject]).toEqual([
      'invite_cancel',
      'l.haddad@example.org',
      `Cancelled: ${TITLE}`,
    ]);
    expect(bothParsers(row!.ical!)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `rt-1-2@${SLUG}.convene`,
      sequence: 2,
    });
  });

  it('an unplaced session: a CANCEL to each of its people, SEQUENCE raised again', async () => {
    const unplaced = await api.http
      .patch(`${S}/sessions/se-capacity-building`)
      .set(admin)
      .send({ start: null, end: null, durationMinutes: 75 });
    expect(unplaced.status).toBe(200);
    expect(await publish()).toEqual({ number: 7, invitations: 2 });
    const rows = await queued();
    expect(
      rows.map((r) => [r.kind, r.recipient, bothParsers(r.ical!).sequence, r.subject.split(':')[0]]),
    ).toEqual([
      ['invite_cancel', 'l.haddad@example.org', 2, 'Cancelled'],
      ['invite_cancel', 'd.morari@example.org', 2, 'Cancelled'],
    ]);
  });
});
