// One invitation: an iTIP message (RFC 5546) carrying one event, for one person and one session,
// with a text and an HTML body that say the same in words (names, never keys).
import type { RsvpAnswer } from '../../../shared/schemas/invites.ts';
import {
  addSessionEvent,
  foldLine,
  ICalCalendarMethod,
  ICalEventStatus,
  icsCalendar,
  icsText,
} from '../calendar/calendar.service.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';
import { ICalAttendee, ICalAttendeeRole, ICalAttendeeStatus, type ICalEvent } from 'ical-generator';
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

// Making a DateTimeFormat costs far more than using one: one per zone and pattern.
const formats = new Map<string, Intl.DateTimeFormat>();
function parts(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const id = `${timeZone}|${options.weekday ?? 'time'}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formats.set(id, format);
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) out[p.type] = p.value;
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

/** "Friday 7 December 2018, 10:00–11:30 (Africa/Casablanca), Orangeraie Room, …". */
function placeText(c: Common): string {
  const when = whenText(c.session.start, c.session.end, c.summit.timeZone);
  const where = locationOf(c.session);
  return `${when} (${c.summit.timeZone})${where ? `, ${where}` : ''}`;
}

function words(
  rawTitle: string,
  at: string,
  as: string,
  reason: InviteReason,
): { subject: string; lead: string } {
  const title = oneLine(rawTitle);
  switch (reason) {
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

type Method = 'REQUEST' | 'CANCEL';
type Common = Omit<InviteInput, 'attendee' | 'reason' | 'rsvp'>;

// Stand-ins for what differs from person to person, replaced in the text ical-generator wrote.
const SOMEONE = { email: 'attendee@convene.invalid', name: 'attendee' };
const THEIR_ROLE = 'X-CONVENE-ROLE';

/**
 * The iTIP messages of one session: METHOD:REQUEST (or CANCEL), one VEVENT with its VTIMEZONE, the
 * organizer and one attendee. ical-generator writes each session's calendar once per method, with
 * stand-ins for the attendee and the description; each person's message replaces those two lines
 * (ical-generator's folding costs about a millisecond a message, and a release may write thousands).
 */
function sessionCalendars(c: Common) {
  const made = new Map<Method, { parts: string[]; cancel: boolean; event: ICalEvent }>();
  function build(method: Method) {
    const cancel = method === 'CANCEL';
    const { session: s, summit } = c;
    const cal = icsCalendar({
      name: summit.name,
      timeZone: summit.timeZone,
      covers: [s.start, s.end],
      method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    });
    const event = addSessionEvent(cal, summit.timeZone, {
      uid: c.uid,
      sequence: c.sequence,
      stamp: c.now,
      start: s.start,
      end: s.end,
      summary: s.title,
      location: locationOf(s) || null,
      description: THEIR_ROLE,
      url: c.url,
      status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    event.organizer(mailbox(c.organizer));
    event.createAttendee(SOMEONE);
    // Content lines (a folded line's continuations start with a space), split around the two stand-ins.
    const lines = cal.toString().split(/\r\n(?! )/);
    const parts = [''];
    for (const line of lines) {
      if (line.startsWith('ATTENDEE') || line === `DESCRIPTION:${THEIR_ROLE}`) parts.push(line[0]!, '');
      else parts[parts.length - 1] += `${line}\r\n`;
    }
    return { parts, cancel, event };
  }
  return (method: Method, attendee: Attendee): string => {
    const m = made.get(method) ?? build(method);
    made.set(method, m);
    const description = `${c.summit.name}\nYour role: ${rolesText(attendee)}\n${c.url}`;
    const attendeeLine = new ICalAttendee(
      {
        email: attendee.email,
        name: attendee.name,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: !m.cancel,
      },
      m.event, // its parent, though not one of its attendees: this line is written on its own
    ).toString();
    const line = { A: attendeeLine, D: `DESCRIPTION:${icsText(description)}` };
    return m.parts
      .map((part, i) => (i % 2 ? `${foldLine(line[part as 'A' | 'D'])}\r\n` : part))
      .join('')
      .replace(/\r\n$/, '');
  };
}

/** The iTIP message of one invitation (see `sessionCalendars`). */
export function inviteCalendar(i: InviteInput): string {
  return sessionCalendars(i)(isCancel(i.reason) ? 'CANCEL' : 'REQUEST', i.attendee);
}

const ANSWER_TEXT: Record<RsvpAnswer, string> = {
  accepted: 'I will attend',
  tentative: 'Maybe',
  declined: 'I will not attend',
};

const isCancel = (reason: InviteReason) => reason === 'cancelled' || reason === 'removed';

/** Writes one session's invitations: the words and calendar of each person's message. */
export function sessionInvites(c: Common) {
  const calendar = sessionCalendars(c);
  const at = placeText(c);
  return (
    attendee: Attendee,
    reason: InviteReason,
    rsvpLinks: Record<RsvpAnswer, string> | null,
  ): OutgoingMail => {
    const cancel = isCancel(reason);
    const { subject, lead } = words(c.session.title, at, rolesText(attendee), reason);
    const rsvp = rsvpLinks ? (Object.entries(rsvpLinks) as [RsvpAnswer, string][]) : [];
    const text = [
      `Hello ${attendee.name},`,
      lead,
      `${c.summit.name}: ${c.url}`,
      ...(rsvp.length
        ? ['Will you attend?', rsvp.map(([a, href]) => `${ANSWER_TEXT[a]}: ${href}`).join('\n')]
        : []),
      cancel ? 'Your calendar removes the event when you open this message.' : '',
    ].filter(Boolean);
    const links = rsvp.map(([a, href]) => `<a href="${escapeHtml(href)}">${ANSWER_TEXT[a]}</a>`).join(' · ');
    const html = [
      `<p>${escapeHtml(`Hello ${attendee.name},`)}</p>`,
      `<p>${escapeHtml(lead)}</p>`,
      `<p><a href="${escapeHtml(c.url)}">${escapeHtml(c.summit.name)}: the session</a></p>`,
      links ? `<p>Will you attend? ${links}</p>` : '',
    ].join('');
    const method = cancel ? 'CANCEL' : 'REQUEST';
    return {
      kind: cancel ? 'invite_cancel' : 'invite_request',
      summitId: c.summit.id,
      to: attendee.email,
      subject,
      text: `${text.join('\n\n')}\n`,
      html: `<!doctype html><html><body style="font-family:sans-serif">${html}</body></html>`,
      ical: { method, content: calendar(method, attendee) },
    };
  };
}

export function inviteMail(i: InviteInput): OutgoingMail {
  return sessionInvites(i)(i.attendee, i.reason, i.rsvp);
}
