// The day as a list in time order: the view for phones and screen readers, and (a session a line
// at desktop size) the support unit's compact view of a long day.
import type { RoomItem, SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { conflictCount } from '../conflicts/use-planning.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { sessionLanguages } from '../../lib/languages.ts';
import { href } from '../../lib/routes.ts';
import { formatMinutes, minutesIntoDay, type DisplayZone } from '../../lib/zone.ts';

type Props = {
  slug: string;
  day: string;
  sessions: SessionItem[];
  rooms: RoomItem[];
  zone: DisplayZone;
  markers?: Map<string, { hard: number; soft: number }>;
  /** What to say when there is no session (the filters' sentence, when filtered). */
  empty?: string;
};

export function DayList({ slug, day, sessions, rooms, zone, markers, empty }: Props) {
  const { t, dateLocale } = useI18n();
  const roomName = new Map(rooms.map((r) => [r.key, r.name]));
  if (sessions.length === 0) return <p>{empty ?? t('programme.empty')}</p>;
  // A day's sessions are placed; the server lists no other.
  const minutes = (time = '') => minutesIntoDay(zone, Date.parse(time), day);
  const ordered = [...sessions].sort((a, b) => minutes(a.start) - minutes(b.start));
  return (
    <ol className="day-list compact">
      {ordered.map((s) => {
        const marks = markers?.get(s.key);
        return (
          <li key={s.key} className="day-list-item">
            <time dateTime={s.start} className="day-list-time">
              {t('session.time', {
                start: formatMinutes(minutes(s.start)),
                end: formatMinutes(minutes(s.end)),
              })}
            </time>
            <div>
              <Link href={href('session', { slug, key: s.key })} className="day-list-title">
                {s.title}
              </Link>
              <p className="day-list-meta">
                <KindBadge kind={s.kind} />{' '}
                {s.room ? (roomName.get(s.room) ?? s.room) : t('programme.noRoom')}
                {(s.languages || s.interpretation) && <> · {sessionLanguages(t, dateLocale, s)}</>}
                {marks && (
                  <>
                    {' '}
                    ·{' '}
                    <span className={marks.hard ? 'conflict-hard' : 'conflict-soft'}>
                      {conflictCount(t, marks.hard + marks.soft)}
                    </span>
                  </>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
