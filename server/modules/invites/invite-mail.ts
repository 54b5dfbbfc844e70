// One invitation: an iTIP message (RFC 5546) carrying one event, for one person and one session,
// with a text and an HTML body that say the same in words (names, never keys).
import type { RsvpAnswer } from '../../../shared/schemas/invites.ts';
import {
  addSessionEvent,
  ICalCalendarMethod,
  ICalEventStatus,
  icsCalendar,
} from '../calendar/calendar.service.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';
import { ICalAttendeeRole, ICalAttendeeStatus } from 'ical-generator';
import type { Attendee, ReleasedSession } from './release.ts';

/** Why this person gets this message. */
export type InviteReason = 'new' | 'changed' | 'cancelled' | 'removed';

export type InviteInput = {
  summit: { id: number; name: string; timeZone: string };
  session: ReleasedSession;
  attendee: Attendee;
  reason: InviteReason;
  uid: string;
  sequence: number;
  /** The support unit's address, "Name <address>" or a bare address. */
  organizer: string;
  /** The session's page in the app. */
  url: string;
  /** The RSVP links, for an invitation (none in a cancellation). */
  rsvp: Record<RsvpAnswer, string> | null;
  now: number;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A title on one line, for a subject and a sentence (a newline in it must not end a header). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export const locationOf = (s: ReleasedSession): string =>
  [s.room, s.building, s.venue].filter((part): part is string => !!part).join(', ');

function parts(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { timeZone, ...options }).formatToParts(ms)) {
    out[p.type] = p.value;
  }
  return out;
}
const day = (ms: number, tz: string) => {
  const p = parts(ms, tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
};
const clock = (ms: number, tz: string) => {
  const p = parts(ms, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
};

/** "Friday 7 December 2018, 10:00–11:30" in the summit's zone (the end's day too when it differs). */
export function whenText(start: number, end: number, timeZone: string): string {
  const endDay = day(end, timeZone);
  const sameDay = endDay === day(start, timeZone);
  return `${day(start, timeZone)}, ${clock(start, timeZone)}–${sameDay ? '' : `${endDay}, `}${clock(end, timeZone)}`;
}

/** "Convene <no-reply@host>" → its name and address. */
export function mailbox(address: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  return m ? { name: m[1]!, email: m[2]! } : { name: '', email: address.trim() };
}

const rolesText = (a: Attendee) => a.roles.map((r) => r.replace(/_/g, ' ')).join(' and ');

function words(i: InviteInput): { subject: string; lead: string } {
  const title = oneLine(i.session.title);
  const when = whenText(i.session.start, i.session.end, i.summit.timeZone);
  const where = locationOf(i.session);
  const at = `${when} (${i.summit.timeZone})${where ? `, ${where}` : ''}`;
  const as = rolesText(i.attendee);
  switch (i.reason) {
    case 'new':
      return { subject: `Invitation: ${title}`, lead: `You are invited as ${as} to “${title}”, ${at}.` };
    case 'changed':
      return {
        subject: `Updated invitation: ${title}`,
        lead: `“${title}”, where you take part as ${as}, has changed: it is now ${at}.`,
      };
    case 'cancelled':
      return { subject: `Cancelled: ${title}`, lead: `“${title}”, ${at}, is cancelled.` };
    case 'removed':
      return {
        subject: `Cancelled for you: ${title}`,
        lead: `You no longer take part in “${title}”, ${at}.`,
      };
  }
}

/** The iTIP message: METHOD:REQUEST (or CANCEL), one VEVENT with its VTIMEZONE, the organizer and this attendee. */
export function inviteCalendar(i: InviteInput): string {
  const cancel = i.reason === 'cancelled' || i.reason === 'removed';
  const { session: s, summit } = i;
  const cal = icsCalendar({
    name: summit.name,
    timeZone: summit.timeZone,
    covers: [s.start, s.end],
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = addSessionEvent(cal, summit.timeZone, {
    uid: i.uid,
    sequence: i.sequence,
    stamp: i.now,
    start: s.start,
    end: s.end,
    summary: s.title,
    location: locationOf(s) || null,
    description: `${summit.name}\nYour role: ${rolesText(i.attendee)}\n${i.url}`,
    url: i.url,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  event.organizer(mailbox(i.organizer));
  event.createAttendee({
    email: i.attendee.email,
    name: i.attendee.name,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: !cancel,
  });
  return cal.toString();
}

const ANSWER_TEXT: Record<RsvpAnswer, string> = {
  accepted: 'I will attend',
  tentative: 'Maybe',
  declined: 'I will not attend',
};

export function inviteMail(i: InviteInput): OutgoingMail {
  const cancel = i.reason === 'cancelled' || i.reason === 'removed';
  const { subject, lead } = words(i);
  const rsvp = i.rsvp ? (Object.entries(i.rsvp) as [RsvpAnswer, string][]) : [];
  const text = [
    `Hello ${i.attendee.name},`,
    lead,
    `${i.summit.name}: ${i.url}`,
    ...(rsvp.length
      ? ['Will you attend?', rsvp.map(([a, href]) => `${ANSWER_TEXT[a]}: ${href}`).join('\n')]
      : []),
    cancel ? 'Your calendar removes the event when you open this message.' : '',
  ].filter(Boolean);
  const links = rsvp.map(([a, href]) => `<a href="${escapeHtml(href)}">${ANSWER_TEXT[a]}</a>`).join(' · ');
  const html = [
    `<p>${escapeHtml(`Hello ${i.attendee.name},`)}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><a href="${escapeHtml(i.url)}">${escapeHtml(i.summit.name)}: the session</a></p>`,
    links ? `<p>Will you attend? ${links}</p>` : '',
  ].join('');
  return {
    kind: cancel ? 'invite_cancel' : 'invite_request',
    summitId: i.summit.id,
    to: i.attendee.email,
    subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif">${html}</body></html>`,
    ical: { method: cancel ? 'CANCEL' : 'REQUEST', content: inviteCalendar(i) },
  };
}
