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
import type { Language } from '../../../shared/domain/vocabulary.ts';
import {
  intervalText,
  listText,
  type MailKey,
  type OutgoingMail,
  type Translate,
  translator,
} from '../mail/mail.service.ts';
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
  /** The attendee's language (default English). */
  language?: Language;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A title on one line, for a subject and a sentence (a newline in it must not end a header). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export const locationOf = (s: ReleasedSession): string =>
  [s.room, s.building, s.venue].filter((part): part is string => !!part).join(', ');

/** "Friday 7 December 2018, 10:00–11:30" in the summit's zone (the end's day too when it differs). */
export const whenText = (start: number, end: number, timeZone: string, language: Language = 'en'): string =>
  intervalText(language, start, end, timeZone, 'long');

/** "Convene <no-reply@host>" → its name and address. */
export function mailbox(address: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  return m ? { name: m[1]!, email: m[2]! } : { name: '', email: address.trim() };
}

/** "moderator and organiser", in the attendee's language. */
const rolesText = (a: Attendee, language: Language, t: Translate) =>
  listText(
    language,
    a.roles.map((r) => t(`role.${r}` as MailKey)),
  );

/** "Friday 7 December 2018, 10:00–11:30 (Africa/Casablanca), Orangeraie Room, …". */
function placeText(c: Common, language: Language): string {
  const when = whenText(c.session.start, c.session.end, c.summit.timeZone, language);
  const where = locationOf(c.session);
  return `${when} (${c.summit.timeZone})${where ? `, ${where}` : ''}`;
}

function words(
  t: Translate,
  rawTitle: string,
  at: string,
  roles: string,
  reason: InviteReason,
): { subject: string; lead: string } {
  const title = oneLine(rawTitle);
  return {
    subject: t(`session.${reason}.subject` as MailKey, { title }),
    lead: t(`session.${reason}.lead` as MailKey, { title, at, roles }),
  };
}

type Method = 'REQUEST' | 'CANCEL';
type Common = Omit<InviteInput, 'attendee' | 'reason' | 'rsvp' | 'language'>;

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
  return (method: Method, attendee: Attendee, language: Language): string => {
    const m = made.get(method) ?? build(method);
    made.set(method, m);
    const t = translator(language);
    const yourRole = t('session.yourRole', { roles: rolesText(attendee, language, t) });
    const description = `${c.summit.name}\n${yourRole}\n${c.url}`;
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
  return sessionCalendars(i)(isCancel(i.reason) ? 'CANCEL' : 'REQUEST', i.attendee, i.language ?? 'en');
}

const isCancel = (reason: InviteReason) => reason === 'cancelled' || reason === 'removed';

/** Writes one session's invitations: the words and calendar of each person's message. */
export function sessionInvites(c: Common) {
  const calendar = sessionCalendars(c);
  const places = new Map<Language, string>();
  return (
    attendee: Attendee,
    reason: InviteReason,
    rsvpLinks: Record<RsvpAnswer, string> | null,
    language: Language = 'en',
  ): OutgoingMail => {
    const t = translator(language);
    const at = places.get(language) ?? placeText(c, language);
    places.set(language, at);
    const cancel = isCancel(reason);
    const { subject, lead } = words(t, c.session.title, at, rolesText(attendee, language, t), reason);
    const rsvp = rsvpLinks ? (Object.entries(rsvpLinks) as [RsvpAnswer, string][]) : [];
    const answer = (a: RsvpAnswer) => t(`rsvp.${a}`);
    const hello = t('mail.helloName', { name: attendee.name });
    const text = [
      hello,
      lead,
      `${c.summit.name}: ${c.url}`,
      ...(rsvp.length
        ? [t('session.willYouAttend'), rsvp.map(([a, href]) => `${answer(a)}: ${href}`).join('\n')]
        : []),
      cancel ? t('session.calendarRemoves') : '',
    ].filter(Boolean);
    const links = rsvp.map(([a, href]) => `<a href="${escapeHtml(href)}">${answer(a)}</a>`).join(' · ');
    const html = [
      `<p>${escapeHtml(hello)}</p>`,
      `<p>${escapeHtml(lead)}</p>`,
      `<p><a href="${escapeHtml(c.url)}">${escapeHtml(t('session.page', { summit: c.summit.name }))}</a></p>`,
      links ? `<p>${escapeHtml(t('session.willYouAttend'))} ${links}</p>` : '',
    ].join('');
    const method = cancel ? 'CANCEL' : 'REQUEST';
    return {
      kind: cancel ? 'invite_cancel' : 'invite_request',
      summitId: c.summit.id,
      to: attendee.email,
      subject,
      text: `${text.join('\n\n')}\n`,
      html: `<!doctype html><html><body style="font-family:sans-serif">${html}</body></html>`,
      ical: { method, content: calendar(method, attendee, language) },
    };
  };
}

export function inviteMail(i: InviteInput): OutgoingMail {
  return sessionInvites(i)(i.attendee, i.reason, i.rsvp, i.language);
}
