// The day as a list in time order: the view for phones and screen readers.
import type { SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { conflictCount } from '../conflicts/use-planning.ts';
import type { RoomItem } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, paths } from '../../lib/router.tsx';
import { formatMinutes, minutesIntoDay, type DisplayZone } from '../../lib/zone.ts';

type Props = {
  slug: string;
  day: string;
  sessions: SessionItem[];
  rooms: RoomItem[];
  zone: DisplayZone;
  markers?: Map<string, { hard: number; soft: number }>;
};

export function DayList({ slug, day, sessions, rooms, zone, markers }: Props) {
  const { t } = useI18n();
  const roomName = new Map(rooms.map((r) => [r.key, r.name]));
  if (sessions.length === 0) return <p>{t('programme.empty')}</p>;
  const minutes = (time: string) => minutesIntoDay(zone, Date.parse(time), day);
  const ordered = [...sessions].sort((a, b) => minutes(a.start!) - minutes(b.start!));
  return (
    <ol className="day-list">
      {ordered.map((s) => (
        <li key={s.key} className="day-list-item">
          <time dateTime={s.start} className="day-list-time">
            {t('session.time', {
              start: formatMinutes(minutes(s.start!)),
              end: formatMinutes(minutes(s.end!)),
            })}
          </time>
          <div>
            <Link href={paths.session(slug, s.key)} className="day-list-title">
              {s.title}
            </Link>
            <p className="day-list-meta">
              <KindBadge kind={s.kind} /> {s.room ? (roomName.get(s.room) ?? s.room) : t('programme.noRoom')}
              {markers?.get(s.key) && (
                <>
                  {' '}
                  ·{' '}
                  <span className={markers.get(s.key)!.hard ? 'conflict-hard' : 'conflict-soft'}>
                    {conflictCount(t, markers.get(s.key)!.hard + markers.get(s.key)!.soft)}
                  </span>
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
