// Moving a session on the grid without a mouse: Space picks the focused session up, the arrows
// move it by one time step (up, down) or one room (left, right), Enter drops it (with the same
// question as a drag when it creates a hard conflict), Escape puts it back. Tab goes from session
// to session in the order of their times, not column by column as the grid draws them.
/** What a key handler reads of a key press: React's and the DOM's events both have it. */
type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'preventDefault'>;

/** FullCalendar's handle on one event: where it is drawn. */
type EventHandle = { start: Date | null; end: Date | null; setDates(start: Date, end: Date): void };
type Moving = { key: string; from: [Date, Date] };

export const STEP_MINUTES = 15;
const DAY = 86_400_000;

export type GridKeys = {
  /** The grid's base date: column c is the day BASE + c. */
  base: number;
  columns: number;
  /** Minutes shown in a column. */
  span: number;
  /** Session keys in the order of their times (then rooms). */
  order: readonly string[];
  event(key: string): EventHandle | null;
  canMove(key: string): boolean;
  preview(key: string, start: Date, end: Date): void;
  say(text: string): void;
  drop(key: string, start: Date, end: Date): Promise<boolean>;
  picked(key: string): string;
  cancelled: string;
};

const eventLink = (key: string) =>
  document.querySelector<HTMLElement>(
    `a.grid-event[data-session="${CSS.escape(key)}"]:not(.grid-event-ghost)`,
  );

/** Focuses a session's event once FullCalendar has drawn it again (it may be a new element). */
export const focusEvent = (key: string) => requestAnimationFrame(() => eventLink(key)?.focus());

export function gridKeyHandler(state: { current: Moving | null }, grid: GridKeys) {
  const shift = (e: EventHandle, minutes: number, columns: number): [Date, Date] | null => {
    const start = e.start!.getTime() + minutes * 60_000 + columns * DAY;
    const end = e.end!.getTime() + minutes * 60_000 + columns * DAY;
    const column = Math.floor((start - grid.base) / DAY);
    const into = (start - grid.base - column * DAY) / 60_000;
    const length = (end - start) / 60_000;
    if (column < 0 || column >= grid.columns || into < 0 || into + length > grid.span) return null;
    return [new Date(start), new Date(end)];
  };
  return (e: KeyPress, key: string) => {
    const moving = state.current?.key === key ? state.current : null;
    const handle = grid.event(key);
    if (!handle?.start || !handle.end) return;
    if (!moving) {
      if (e.key === ' ' && grid.canMove(key)) {
        e.preventDefault();
        state.current = { key, from: [handle.start, handle.end] };
        grid.say(grid.picked(key));
      } else if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        const next = grid.order[grid.order.indexOf(key) + (e.shiftKey ? -1 : 1)];
        const link = next === undefined ? null : eventLink(next);
        if (link) {
          e.preventDefault();
          link.focus();
        }
      }
      return;
    }
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-STEP_MINUTES, 0],
      ArrowDown: [STEP_MINUTES, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = steps[e.key];
    if (step) {
      e.preventDefault();
      const to = shift(handle, ...step);
      if (!to) return;
      handle.setDates(...to);
      grid.preview(key, ...to);
      focusEvent(key);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      state.current = null;
      handle.setDates(...moving.from);
      grid.say(grid.cancelled);
      focusEvent(key);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      state.current = null;
      const to: [Date, Date] = [handle.start, handle.end];
      grid.say('');
      void grid.drop(key, ...to).then((saved) => {
        if (!saved) grid.event(key)?.setDates(...moving.from);
        focusEvent(key);
      });
    } else if (e.key === 'Tab') {
      e.preventDefault();
    }
  };
}
