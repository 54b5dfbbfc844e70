// The calendar module's face to the others: iCalendar building (ics.ts) and VTIMEZONE (vtimezone.ts).
export {
  addSessionEvent,
  foldLine,
  ICalCalendarMethod,
  ICalEventStatus,
  icsCalendar,
  icsText,
  type SessionEvent,
  sessionUid,
} from './ics.ts';
export { vtimezone } from './vtimezone.ts';
