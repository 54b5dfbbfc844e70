// An invitation's calendar part: one event, values escaped and folded so that no title can add a
// property, whatever script it is written in; times in the summit's zone whatever the process's.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  inviteCalendar,
  type InviteInput,
  inviteMail,
  whenText,
} from '../../../../server/modules/invites/invite-mail.ts';
import { MORARI, releasedRoundtable } from '../../../factories/invites.ts';
import { eventProps, icsInstant, icsLines, icsUnescape } from '../../../support/ics-lines.ts';

const HOSTILE =
  'Trade, skills; mobility\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected\\n — الهجرة والتنمية في عالم متغير · 全球移民与发展论坛圆桌会议';

const INPUT: InviteInput = {
  summit: { id: 1, name: 'GFMD 2018 Summit', timeZone: 'Africa/Casablanca' },
  session: releasedRoundtable([]),
  attendee: MORARI,
  reason: 'new',
  uid: 'rt-1-2@gfmd-2018.convene',
  sequence: 3,
  organizer: 'Convene <no-reply@convene.test>',
  url: 'http://convene.test/summits/gfmd-2018/sessions/rt-1-2',
  rsvp: null,
  now: Date.UTC(2018, 10, 30),
};

describe('an invitation', () => {
  it('says who, what, when and where in words, in the summit’s zone', () => {
    expect(whenText(INPUT.session.start, INPUT.session.end, 'Africa/Casablanca')).toBe(
      'Friday 7 December 2018, 10:00–11:30',
    );
    const mail = inviteMail(INPUT);
    expect([mail.kind, mail.subject, mail.text.split('\n\n')[1]]).toEqual([
      'invite_request',
      'Invitation: RT 1.2',
      'You are invited as moderator to “RT 1.2”, Friday 7 December 2018, 10:00–11:30 (Africa/Casablanca), Orangeraie Room, Palmeraie Conference Centre, Palmeira Resorts, Marrakesh.',
    ]);
  });

  it('keeps commas, semicolons, newlines, Arabic and Chinese in a title, and lets it add no property', () => {
    const ics = inviteCalendar({ ...INPUT, session: { ...INPUT.session, title: HOSTILE } });
    const lines = icsLines(ics);
    expect(lines.filter((l) => l.name === 'BEGIN').map((l) => l.value)).toEqual([
      'VCALENDAR',
      'VTIMEZONE',
      'DAYLIGHT', // Morocco's +01:00 since October 2018, above the +00:00 of the year before
      'VEVENT',
    ]);
    expect(lines.filter((l) => l.name === 'SUMMARY').map((l) => icsUnescape(l.value))).toEqual([HOSTILE]);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(HOSTILE);
    // Folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence.
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(Buffer.from(ics).toString('utf8')).toBe(ics);
  });

  it('writes each person’s own ATTENDEE and DESCRIPTION, folded, into the session’s calendar', () => {
    const name = 'ليلى حداد، المقررة العامة للمائدة المستديرة · 陈伟, rapporteur; “general”';
    const ics = inviteCalendar({
      ...INPUT,
      attendee: { key: 'p-haddad', name, email: 'l.haddad@example.org', roles: ['rapporteur', 'organiser'] },
    });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const attendees = event.getAllProperties('attendee');
    expect([
      attendees.length,
      attendees[0]!.getFirstValue(),
      attendees[0]!.getParameter('cn'),
      event.getFirstPropertyValue('description'),
    ]).toEqual([
      1,
      'MAILTO:l.haddad@example.org',
      name,
      'GFMD 2018 Summit\nYour role: rapporteur and organiser\nhttp://convene.test/summits/gfmd-2018/sessions/rt-1-2',
    ]);
  });

  it('keeps the instant through Morocco’s Ramadan change: ical.js, reading the VTIMEZONE, agrees with the zone data', () => {
    // Morocco leaves +01:00 for +00:00 during Ramadan: 5 May to 9 June 2019.
    const start = Date.UTC(2019, 4, 10, 10); // 10:00 in Marrakesh, at +00:00
    const ics = inviteCalendar({ ...INPUT, session: { ...INPUT.session, start, end: start + 5_400_000 } });
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const dtstart = eventProps(icsLines(ics)).DTSTART!;
    expect([
      (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
      icsInstant(dtstart),
      dtstart.value,
    ]).toEqual([start, start, '20190510T100000']);
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED, and no RSVP asked', () => {
    const mail = inviteMail({ ...INPUT, reason: 'cancelled' });
    const cal = new ICAL.Component(ICAL.parse(mail.ical!.content));
    const event = cal.getFirstSubcomponent('vevent')!;
    expect([
      mail.kind,
      mail.ical!.method,
      cal.getFirstPropertyValue('method'),
      event.getFirstPropertyValue('status'),
      event.getFirstPropertyValue('sequence'),
      event.getFirstProperty('attendee')!.getParameter('rsvp'),
    ]).toEqual(['invite_cancel', 'CANCEL', 'CANCEL', 'CANCELLED', 3, 'FALSE']);
  });
});
