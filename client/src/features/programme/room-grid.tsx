// The day as rooms by time, from MIT FullCalendar parts: the rooms-as-columns (resource) views are
// not MIT, so a timeGrid view of N "days" stands for N rooms. FullCalendar works in UTC on a fixed
// base date and draws exactly the minutes layoutDay computed; it never converts a time zone itself.
// For the support unit the grid is editable: dragging shows, before the drop, the conflicts the
// drop would create (the shared engine, in the browser), in a fixed panel that never pushes the
// grid, and the ghost reads its new time; Escape ends the drag where it started. The server
// re-checks on save. Every room is a column; the day's segments are background bands.
import FullCalendar, { type CalendarRef } from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useEffect, useMemo, useRef } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { RoomItem, SegmentItem, SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { sessionLanguages } from '../../lib/languages.ts';
import { href } from '../../lib/routes.ts';
import { formatDate, formatMinutes, type DisplayZone } from '../../lib/zone.ts';
import { conflictCount } from '../conflicts/use-planning.ts';
import { gridKeyHandler } from './grid-keyboard.ts';
import { layoutDay } from './grid-layout.ts';
import { KIND_COLOURS } from './session-colours.ts';

const BASE = Date.UTC(2000, 0, 3);
const DAY = 86_400_000;
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export type Target = { room: string | null; start: number; end: number };
export type GridEditing = {
  /** The conflicts a place would put the session in, in words. */
  preview(key: string, target: Target): { severity: Conflict['severity']; text: string }[];
  move(key: string, target: Target): Promise<boolean>;
};

type Props = {
  slug: string;
  day: string;
  sessions: SessionItem[];
  rooms: RoomItem[];
  segments?: SegmentItem[];
  /** Only this room's column. */
  room?: string;
  zone: DisplayZone;
  markers?: Map<string, { hard: number; soft: number }>;
  editing?: GridEditing;
  /** What to say when there is no session (the filters' sentence, when filtered). */
  empty?: string;
};

export function RoomGrid({
  slug,
  day,
  sessions,
  rooms,
  segments,
  room,
  zone,
  markers,
  editing,
  empty,
}: Props) {
  const { t, dateLocale } = useI18n();
  const preview = useRef<HTMLDivElement>(null);
  // The drag under way, whether Escape cancelled it, and the timer that clears the panel after.
  const drag = useRef<{ cancelled: boolean; stop: () => void } | null>(null);
  const clearing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const calendar = useRef<CalendarRef>(null);
  const keyboardMove = useRef<{ key: string; from: [Date, Date] } | null>(null);
  // While a session is picked up, every key goes to it, wherever the focus is: each arrow draws the
  // event anew, and a key pressed before the new one has the focus would otherwise be lost.
  const latestKey = useRef<ReturnType<typeof gridKeyHandler> | null>(null);
  useEffect(() => {
    const whileMoving = (e: globalThis.KeyboardEvent) => {
      const moving = keyboardMove.current;
      if (!moving || !latestKey.current) return;
      e.stopPropagation();
      latestKey.current(e, moving.key);
    };
    document.addEventListener('keydown', whileMoving, true);
    return () => document.removeEventListener('keydown', whileMoving, true);
  }, []);
  useEffect(
    () => () => {
      drag.current?.stop();
      clearTimeout(clearing.current);
    },
    [],
  );
  const byKey = useMemo(() => new Map(sessions.map((s) => [s.key, s])), [sessions]);
  const layout = useMemo(
    () =>
      layoutDay(
        day,
        // A day's sessions are placed; the server lists no other.
        sessions.flatMap((s) =>
          s.start && s.end
            ? [{ key: s.key, room: s.room, start: Date.parse(s.start), end: Date.parse(s.end) }]
            : [],
        ),
        rooms,
        zone,
        t('programme.noRoom'),
        {
          room,
          segments: segments?.map((g) => ({
            key: g.key,
            title: g.title,
            start: Date.parse(g.start),
            end: Date.parse(g.end),
          })),
        },
      ),
    [day, sessions, rooms, segments, room, zone, t],
  );
  if (layout.events.length === 0 && !editing) return <p>{empty ?? t('programme.empty')}</p>;
  /** Minutes into the day of a calendar instant (the ghost's too, while it is dragged). */
  const minutesOf = (ms: number) => layout.firstMinute + ((ms - BASE) % DAY) / 60_000;
  const at = (column: number, minutes: number) =>
    new Date(BASE + column * DAY + (minutes - layout.firstMinute) * 60_000);
  const columnName = (ms: number) => layout.columns[Math.round((ms - BASE) / DAY)]?.name ?? '';
  const events = layout.events.flatMap((e) => {
    const s = byKey.get(e.key);
    if (!s) return [];
    return {
      id: e.key,
      title: s.title,
      color: KIND_COLOURS[s.kind],
      editable: !!editing && !s.pinned,
      start: at(e.column, e.startMinutes),
      end: at(e.column, e.endMinutes),
      extendedProps: { session: s },
    };
  });
  // The segments' windows in every column, named in the first column where no session hides the
  // name (the first column when every one holds a session then).
  const namedIn = new Map(
    layout.bands.map((b) => {
      const free = layout.columns.findIndex(
        (_, column) =>
          !layout.events.some(
            (e) => e.column === column && e.startMinutes < b.endMinutes && b.startMinutes < e.endMinutes,
          ),
      );
      return [b.key, free === -1 ? 0 : free];
    }),
  );
  const bands = layout.columns.flatMap((_, column) =>
    layout.bands.map((b) => ({
      id: `band-${b.key}-${column}`,
      title: column === namedIn.get(b.key) ? b.title : '',
      start: at(column, b.startMinutes),
      end: at(column, b.endMinutes),
      display: 'background',
      backgroundColor: '#e0e7ff',
      classNames: ['segment-band'],
      extendedProps: { band: true },
    })),
  );
  /** Where a dragged event would land: its column's room, and real instants in the display zone. */
  const target = (start: Date, end: Date): Target => {
    const column = Math.floor((start.getTime() - BASE) / DAY);
    const minutes = layout.firstMinute + (start.getTime() - BASE - column * DAY) / 60_000;
    const from = zone.instant(day, minutes);
    return {
      room: layout.columns[column]?.key ?? null,
      start: from,
      end: from + (end.getTime() - start.getTime()),
    };
  };
  // Written straight to the DOM: re-rendering FullCalendar in the middle of a drag would end it.
  const showPreview = (key: string, to: Target) => {
    const el = preview.current;
    if (!el || !editing || drag.current?.cancelled) return;
    clearTimeout(clearing.current);
    const found = editing.preview(key, to);
    const where = `${to.room ? rooms.find((r) => r.key === to.room)?.name : t('programme.noRoom')}, ${zone.wall(to.start).time}–${zone.wall(to.end).time}`;
    el.replaceChildren();
    const head = document.createElement('p');
    head.textContent = `${t('conflicts.preview')} (${where}) ${found.length ? t('conflicts.previewSome') : t('conflicts.previewNone')}`;
    el.append(head);
    if (found.length) {
      const list = document.createElement('ul');
      for (const c of found) {
        const item = document.createElement('li');
        item.className = `preview-${c.severity}`;
        item.textContent = c.text;
        list.append(item);
      }
      el.append(list);
    }
  };
  const say = (text: string) => {
    const el = preview.current;
    if (!el) return;
    const line = document.createElement('p');
    line.textContent = text;
    el.replaceChildren(...(text ? [line] : []));
  };
  // Escape ends the drag where the pointer is, as if released off the grid, and nothing is saved:
  // FullCalendar ends a mouse drag on the document's mouseup and puts an unsaved event back.
  const startDrag = () => {
    clearTimeout(clearing.current);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !drag.current) return;
      e.preventDefault();
      drag.current.cancelled = true;
      say(t('conflicts.previewCancelled'));
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: -1e4, clientY: -1e4 }));
    };
    document.addEventListener('keydown', onKey, true);
    drag.current = { cancelled: false, stop: () => document.removeEventListener('keydown', onKey, true) };
  };
  const stopDrag = () => {
    const cancelled = drag.current?.cancelled ?? false;
    drag.current?.stop();
    // The drop (if any) runs after this: keep the flag for it, clear the panel a little later.
    if (drag.current) drag.current.stop = () => {};
    clearTimeout(clearing.current);
    clearing.current = setTimeout(() => say(''), cancelled ? 4000 : 0);
  };
  const onKey = gridKeyHandler(keyboardMove, {
    base: BASE,
    columns: layout.columns.length,
    span: layout.lastMinute - layout.firstMinute,
    order: [...layout.events]
      .sort((a, b) => a.startMinutes - b.startMinutes || a.column - b.column)
      .map((e) => e.key),
    event: (key) => calendar.current?.getApi().getEventById(key) ?? null,
    canMove: (key) => !!editing && !byKey.get(key)?.pinned,
    preview: (key, start, end) => showPreview(key, target(start, end)),
    say,
    drop: (key, start, end) => (editing ? editing.move(key, target(start, end)) : Promise.resolve(false)),
    picked: (key) => t('moves.keyboardPicked', { title: byKey.get(key)?.title ?? '' }),
    cancelled: t('conflicts.previewCancelled'),
  });
  latestKey.current = onKey;
  const save = async (event: { id: string; start: Date | null; end: Date | null }, revert: () => void) => {
    const { id, start, end } = event;
    const cancelled = drag.current?.cancelled ?? false;
    drag.current = null;
    if (cancelled || !editing || !start || !end || !(await editing.move(id, target(start, end)))) revert();
  };
  return (
    <section
      className="room-grid"
      aria-label={t('programme.gridLabel', { day: formatDate(day, dateLocale) })}
    >
      {editing && <p className="grid-hint">{t('moves.keyboardHint')}</p>}
      {editing && <div ref={preview} className="drop-preview" aria-live="polite" />}
      {/* dayMinWidth needs the non-MIT scrollgrid plugin: the wrapper scrolls instead, both ways,
          so that the rooms' headers (sticky at its top) and the times (at its start) stay in view. */}
      <div className="room-grid-scroll">
        <div style={{ minWidth: `${4 + layout.columns.length * 10}rem` }}>
          <FullCalendar
            ref={calendar}
            plugins={
              editing ? [timeGridPlugin, interactionPlugin, classicTheme] : [timeGridPlugin, classicTheme]
            }
            timeZone="UTC"
            initialDate={new Date(BASE)}
            initialView="rooms"
            views={{ rooms: { type: 'timeGrid', duration: { days: layout.columns.length } } }}
            // Plugins are read once: the grid is drawn again when editing comes (the planning data loaded).
            key={`${day}-${layout.columns.length}-${layout.firstMinute}-${layout.lastMinute}-${!!editing}`}
            headerToolbar={false}
            allDaySlot={false}
            nowIndicator={false}
            height="auto"
            slotDuration="00:15:00"
            snapDuration="00:05:00"
            slotHeaderInterval="01:00"
            slotMinTime="00:00"
            slotMaxTime={hhmm(layout.lastMinute - layout.firstMinute)}
            // FullCalendar names the table after its title and each row after timedText: without a
            // toolbar the title is the base date's month ("January 2000"). Named for the real day.
            titleFormat={() => t('programme.gridName', { date: formatDate(day, dateLocale) })}
            timedText={t('programme.gridRow', { zone: zone.name })}
            dayHeaderFormat={({ date }) => columnName(Date.UTC(date.year, date.month, date.day))}
            // FullCalendar writes the base date for screen readers ("January 3, 2000") in a hidden
            // text and hides the visible one from them: that text says the room's name instead.
            dayHeaderDidMount={({ el, date }) => {
              const name = columnName(date.getTime());
              el.setAttribute('aria-label', name);
              for (const child of el.children) {
                if (child.textContent !== name && child.getAttribute('aria-hidden') !== 'true') {
                  child.textContent = name;
                }
              }
            }}
            slotHeaderClass="grid-time"
            slotHeaderFormat={({ date }) => formatMinutes(layout.firstMinute + date.hour * 60 + date.minute)}
            events={[...bands, ...events]}
            editable={!!editing}
            eventAllow={(span, moving) => {
              if (drag.current?.cancelled) return false;
              if (moving) showPreview(moving.id, target(span.start, span.end));
              return true;
            }}
            eventDragStart={startDrag}
            eventDragStop={stopDrag}
            eventResizeStart={startDrag}
            eventResizeStop={stopDrag}
            eventDrop={(info) => void save(info.event, info.revert)}
            eventResize={(info) => void save(info.event, info.revert)}
            eventContent={(arg) => {
              if (arg.event.display === 'background') {
                return arg.event.title ? <span className="segment-band-title">{arg.event.title}</span> : null;
              }
              const { session } = arg.event.extendedProps as { session: SessionItem };
              // From the event's own times: the ghost of a drag reads where it would land.
              const startMinutes = minutesOf(arg.event.start!.getTime());
              const endMinutes =
                startMinutes + (arg.event.end!.getTime() - arg.event.start!.getTime()) / 60_000;
              const marks = markers?.get(session.key);
              return (
                <Link
                  className={`grid-event${arg.isMirror ? ' grid-event-ghost' : ''}${marks?.hard ? ' has-hard' : marks?.soft ? ' has-soft' : ''}`}
                  href={href('session', { slug, key: session.key })}
                  data-session={session.key}
                  onKeyDown={(e) => onKey(e, session.key)}
                >
                  {marks && (marks.hard || marks.soft) ? (
                    <>
                      <span className="marker" aria-hidden="true">
                        {marks.hard ? '⚠' : '•'}
                      </span>
                      <span className="visually-hidden">{conflictCount(t, marks.hard + marks.soft)} </span>
                    </>
                  ) : null}
                  <span className="grid-event-time">
                    {t('session.time', {
                      start: formatMinutes(startMinutes),
                      end: formatMinutes(endMinutes),
                    })}
                  </span>{' '}
                  <span className="grid-event-title">{session.title}</span>
                  {(session.languages || session.interpretation) && (
                    <span className="grid-event-languages">
                      {' '}
                      · {sessionLanguages(t, dateLocale, session)}
                    </span>
                  )}
                </Link>
              );
            }}
          />
        </div>
      </div>
    </section>
  );
}
