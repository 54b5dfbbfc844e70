// A conflict in the reader's language, written from its structured fields (code, sessions, room,
// person, delegation, interval) and the programme the browser holds. The API's `message` is its
// English twin (shared/domain/conflicts/messages.ts); tests/unit/client/conflict-words.test.ts keeps
// the two saying the same thing. Times are the summit zone's wall clocks, formatted by Intl.
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { Programme, Session } from '../../../../shared/domain/programme.ts';
import type { ZoneOffset } from '../../../../shared/domain/time.ts';
import { instantOfWall, wallClockIn } from '../../../../shared/domain/wall-clock.ts';
import type { MessageKey } from '../../locales/en.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { formatDate } from '../../lib/zone.ts';

/** What the sentences read: the programme by key, its summit's days and zone offsets. */
export type ConflictContext = {
  summit: Pick<Programme['summit'], 'startDate' | 'endDate' | 'travelMinutes'>;
  offsets: readonly ZoneOffset[];
  rooms: Map<string, Programme['rooms'][number]>;
  segments: Map<string, Programme['segments'][number]>;
  people: Map<string, Programme['people'][number]>;
  delegations: Map<string, Programme['delegations'][number]>;
  sessions: Map<string, Session>;
};

const byKey = <T extends { key: string }>(items: readonly T[]) => new Map(items.map((i) => [i.key, i]));

/**
 * The context of a programme; `instead` stands for sessions as a check sees them (a move being
 * dragged, an edit not saved yet), in place of the programme's own.
 */
export function conflictContext(
  programme: Pick<Programme, 'summit' | 'rooms' | 'segments' | 'people' | 'delegations' | 'sessions'>,
  offsets: readonly ZoneOffset[],
  instead: readonly Session[] = [],
): ConflictContext {
  const sessions = byKey(programme.sessions);
  for (const s of instead) sessions.set(s.key, s);
  return {
    summit: programme.summit,
    offsets,
    rooms: byKey(programme.rooms),
    segments: byKey(programme.segments),
    people: byKey(programme.people),
    delegations: byKey(programme.delegations),
    sessions,
  };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

const nextDay = (date: string) =>
  new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + 1))
    .toISOString()
    .slice(0, 10);

/** The most sessions of `list` running at one instant of [from, to) (half-open intervals). */
function peak(list: readonly { start: number; end: number }[], from: number, to: number): number {
  let most = 0;
  for (const at of [from, ...list.map((s) => s.start)]) {
    if (at < from || at >= to) continue;
    most = Math.max(most, list.filter((s) => s.start <= at && s.end > at).length);
  }
  return most;
}

/** Writes a time in the summit's zone: "Fri 7 Dec 10:45–11:30" (the API's `formatInterval`). */
export function intervalWriter(ctx: Pick<ConflictContext, 'offsets'>, t: Translate, locale: string) {
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const clock = (ms: number) => {
    const wall = wallClockIn(ms, ctx.offsets);
    return { day: formatDate(wall.date, locale, 'short'), time: time.format(wall.minutes * 60_000) };
  };
  return (from: number, to: number) => {
    const [a, b] = [clock(from), clock(to)];
    return a.day === b.day
      ? t('conflictText.when', { day: a.day, start: a.time, end: b.time })
      : t('conflictText.whenAcross', { day: a.day, start: a.time, endDay: b.day, end: b.time });
  };
}

/** Writes conflicts in one language; `locale` formats dates and lists ("en-GB", "fr"). */
export function conflictWriter(ctx: ConflictContext, t: Translate, locale: string) {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const when = intervalWriter(ctx, t, locale);
  const session = (key: string | undefined) => (key === undefined ? undefined : ctx.sessions.get(key));
  const quote = (key: string | undefined) =>
    t('conflictText.quote', { title: session(key)?.title ?? key ?? '' });
  const room = (key: string | undefined) => (key === undefined ? undefined : ctx.rooms.get(key));
  const roomName = (key: string | undefined) => room(key)?.name ?? key ?? '';
  const person = (key: string | undefined) => (key ? (ctx.people.get(key)?.name ?? key) : '');
  const delegation = (key: string | undefined) => (key ? (ctx.delegations.get(key)?.name ?? key) : '');
  const building = (key: string | undefined) => room(session(key)?.room ?? undefined)?.building ?? '';

  return (c: Conflict): string => {
    const from = Date.parse(c.start);
    const to = Date.parse(c.end);
    const [a, b] = c.sessions;
    const gap = minutes(to - from);
    switch (c.code) {
      case 'ROOM_DOUBLE_BOOKED':
        return t('conflictText.ROOM_DOUBLE_BOOKED', {
          room: roomName(c.room),
          when: when(from, to),
          a: quote(a),
          b: quote(b),
        });
      case 'CHANGEOVER_TOO_SHORT':
        return t('conflictText.CHANGEOVER_TOO_SHORT', {
          room: roomName(c.room),
          count: gap,
          a: quote(a),
          b: quote(b),
          when: when(from, to),
          needed: room(c.room)?.changeoverMinutes ?? 0,
        });
      case 'PERSON_DOUBLE_BOOKED':
        return t('conflictText.PERSON_DOUBLE_BOOKED', {
          person: person(c.person),
          a: quote(a),
          b: quote(b),
          when: when(from, to),
        });
      case 'TRAVEL_TOO_SHORT':
        return t('conflictText.TRAVEL_TOO_SHORT', {
          person: person(c.person),
          count: gap,
          when: when(from, to),
          a: quote(a),
          fromBuilding: building(a),
          b: quote(b),
          toBuilding: building(b),
          needed: ctx.summit.travelMinutes,
        });
      case 'DELEGATION_OVERCOMMITTED': {
        const timed = c.sessions.flatMap((k) => {
          const s = session(k);
          return s?.start != null && s.end != null ? [{ start: s.start, end: s.end }] : [];
        });
        return t('conflictText.DELEGATION_OVERCOMMITTED', {
          delegation: delegation(c.delegation),
          size: ctx.delegations.get(c.delegation ?? '')?.size ?? 0,
          count: peak(timed, from, to),
          when: when(from, to),
          sessions: list.format(c.sessions.map(quote)),
        });
      }
      case 'SIDE_EVENT_OVER_OFFICIAL': {
        const [side, official] = session(a)?.kind === 'side_event' ? [a, b] : [b, a];
        return t('conflictText.SIDE_EVENT_OVER_OFFICIAL', {
          side: quote(side),
          kind: session(official)?.kind ?? 'other',
          official: quote(official),
          when: when(from, to),
          delegation: delegation(c.delegation),
        });
      }
      case 'CAPACITY_EXCEEDED':
        return t('conflictText.CAPACITY_EXCEEDED', {
          a: quote(a),
          attendance: session(a)?.expectedAttendance ?? 0,
          room: roomName(c.room),
          capacity: room(c.room)?.capacity ?? 0,
          when: when(from, to),
        });
      case 'EQUIPMENT_MISSING': {
        const s = session(a);
        const r = room(c.room);
        const missing = (s?.equipment ?? []).filter((e) => !r?.equipment.includes(e));
        const microphones =
          s?.microphones != null && r && s.microphones > r.microphones ? s.microphones : null;
        const mics = (count: number) => t('conflictText.microphones', { count });
        const needs = [
          ...missing.map((e) => t(`conflictText.needs.${e}` as MessageKey)),
          ...(microphones !== null ? [mics(microphones)] : []),
        ];
        const has = [
          ...missing.map((e) => t(`conflictText.lacks.${e}` as MessageKey)),
          ...(microphones !== null && r ? [mics(r.microphones)] : []),
        ];
        return t('conflictText.EQUIPMENT_MISSING', {
          a: quote(a),
          needs: list.format(needs),
          room: roomName(c.room),
          has: list.format(has),
          when: when(from, to),
        });
      }
      case 'OUTSIDE_WINDOW': {
        const segment = ctx.segments.get(session(a)?.segment ?? '');
        const first = ctx.summit.startDate;
        const last = ctx.summit.endDate;
        const reasons: string[] = [];
        if (segment && (from < segment.start || to > segment.end))
          reasons.push(
            t('conflictText.outsideSegment', {
              segment: segment.title,
              when: when(segment.start, segment.end),
            }),
          );
        if (from < instantOfWall(first, 0, ctx.offsets) || to > instantOfWall(nextDay(last), 0, ctx.offsets))
          reasons.push(
            t('conflictText.outsideDays', {
              first: formatDate(first, locale, 'short'),
              last: formatDate(last, locale, 'short'),
            }),
          );
        return t('conflictText.OUTSIDE_WINDOW', {
          a: quote(a),
          when: when(from, to),
          reasons: list.format(reasons),
        });
      }
    }
  };
}
