// How the agenda says when: the summit's zone, its 24-hour clock, the day in short.
import type { SessionItem } from '../../../../shared/schemas/summit-file.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { displayZone, formatDate, formatMinutes, minutesIntoDay } from '../../lib/zone.ts';
import type { SummitView } from '../summits/api.ts';

/** "Fri 7 Dec 08:30–09:00" for an interval of instants (ISO strings), in the summit's zone. */
export function intervalWords(
  t: Translate,
  dateLocale: string,
  summit: SummitView,
  start: string,
  end: string,
): string {
  const zone = displayZone('summit', summit);
  const day = zone.wall(Date.parse(start)).date;
  return t('agenda.when', {
    day: formatDate(day, dateLocale, 'short'),
    start: formatMinutes(minutesIntoDay(zone, Date.parse(start), day)),
    end: formatMinutes(minutesIntoDay(zone, Date.parse(end), day)),
  });
}

/** When a session is, or that it has no time yet. */
export const sessionWhen = (t: Translate, dateLocale: string, summit: SummitView, s: SessionItem) =>
  s.start && s.end ? intervalWords(t, dateLocale, summit, s.start, s.end) : t('session.unplaced');
