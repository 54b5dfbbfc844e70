// Plain sentences for conflicts, naming the room, person or delegation, the sessions and the local
// time in the summit's zone.
import { formatInterval, shortDay, wallClockIn } from '../wall-clock.ts';
import type { Lookups, Timed } from './prepare.ts';

const quote = (c: Timed) => `"${c.session.title}"`;
const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const minutes = (ms: number) => Math.round(ms / 60_000);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const KIND_NAMES: Record<string, string> = {
  plenary: 'plenary',
  roundtable: 'roundtable',
  special_session: 'special session',
  side_event: 'side event',
  marketplace_consultation: 'Marketplace consultation',
  meeting: 'meeting',
};

/** Equipment as a session needs it and as a room lacks it, in words. */
const NEEDS: Record<string, string> = {
  projector: 'a projector',
  screen: 'a screen',
  hdmi: 'an HDMI connection',
  usb: 'a USB connection',
  interpretation: 'interpretation booths',
  video_conference: 'video conferencing',
  recording: 'recording',
};
const LACKS: Record<string, string> = {
  projector: 'no projector',
  screen: 'no screen',
  hdmi: 'no HDMI connection',
  usb: 'no USB connection',
  interpretation: 'no interpretation booths',
  video_conference: 'no video conferencing',
  recording: 'no recording',
};

// Checking one session (a drag, each spot placement tries) asks for the sentences of the same
// programme thousands of times: they are made once per programme.
const made = new WeakMap<Lookups, ReturnType<typeof make>>();

export function sentences(p: Lookups): ReturnType<typeof make> {
  let said = made.get(p);
  if (!said) {
    said = make(p);
    made.set(p, said);
  }
  return said;
}

function make(p: Lookups) {
  // A report names the same few instants over and over: format each interval once.
  const intervals = new Map<string, string>();
  const when = (start: number, end: number) => {
    const key = `${start}|${end}`;
    let text = intervals.get(key);
    if (text === undefined) {
      text = formatInterval(start, end, p.input.offsets);
      intervals.set(key, text);
    }
    return text;
  };
  const roomName = (key: string) => p.rooms.get(key)?.name ?? key;
  const personName = (key: string) => p.people.get(key)?.name ?? key;
  const delegationName = (key: string) => p.delegations.get(key)?.name ?? key;
  return {
    roomDoubleBooked: (room: string, a: Timed, b: Timed, s: number, e: number) =>
      `${roomName(room)} is booked twice on ${when(s, e)}: ${quote(a)} and ${quote(b)}.`,
    changeover: (room: string, a: Timed, b: Timed, needed: number) =>
      `${roomName(room)} has ${plural(minutes(b.start - a.end), 'minute')} between ${quote(a)} and ${quote(b)} on ${when(a.end, b.start)}; it needs ${minutes(needed)} to change over.`,
    personDoubleBooked: (person: string, a: Timed, b: Timed, s: number, e: number) =>
      `${personName(person)} is expected at ${quote(a)} and ${quote(b)} at once on ${when(s, e)}.`,
    travel: (person: string, a: Timed, b: Timed, needed: number) =>
      `${personName(person)} has ${plural(minutes(b.start - a.end), 'minute')} on ${when(a.end, b.start)} to go from ${quote(a)} (${a.room!.building}) to ${quote(b)} (${b.room!.building}); the walk takes ${minutes(needed)}.`,
    overcommitted: (
      delegation: string,
      size: number,
      most: number,
      sessions: Timed[],
      s: number,
      e: number,
    ) =>
      `${delegationName(delegation)} has ${plural(size, 'delegate')} but is committed to ${plural(most, 'session')} on ${when(s, e)}: ${list(sessions.map(quote))}.`,
    sideEventOverOfficial: (delegation: string, side: Timed, official: Timed, s: number, e: number) =>
      `Side event ${quote(side)} overlaps ${KIND_NAMES[official.session.kind]} ${quote(official)} on ${when(s, e)}, and ${delegationName(delegation)} takes part in both.`,
    capacity: (c: Timed) =>
      `${quote(c)} expects ${c.session.expectedAttendance} people but ${c.room!.name} seats ${c.room!.capacity} (${when(c.start, c.end)}).`,
    equipment: (c: Timed, missing: string[], microphones: number | null) => {
      const needs = [
        ...missing.map((m) => NEEDS[m] ?? m),
        ...(microphones !== null ? [plural(microphones, 'microphone')] : []),
      ];
      const has = [
        ...missing.map((m) => LACKS[m] ?? `no ${m}`),
        ...(microphones !== null ? [plural(c.room!.microphones, 'microphone')] : []),
      ];
      return `${quote(c)} needs ${list(needs)} but ${c.room!.name} has ${list(has)} (${when(c.start, c.end)}).`;
    },
    outsideWindow: (c: Timed, segment: boolean, days: boolean) => {
      const reasons: string[] = [];
      if (segment) {
        const seg = c.segment!;
        reasons.push(`its segment "${seg.title}" (${when(seg.start, seg.end)})`);
      }
      if (days) {
        const first = wallClockIn(p.summitStart, p.input.offsets).date;
        reasons.push(`the summit's days (${shortDay(first)} to ${shortDay(p.input.summit.endDate)})`);
      }
      return `${quote(c)} (${when(c.start, c.end)}) is outside ${list(reasons)}.`;
    },
  };
}
