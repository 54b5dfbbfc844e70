// A day of the published programme on paper: the programme as a table (time, room, session, who),
// or door sheets, one page per room with its sessions of the day. Print CSS in styles.css drops
// the app's frame and breaks pages between door sheets.
import { ScrollBox } from '../../components/scroll-box.tsx';
import { useQuery } from '@tanstack/react-query';
import type { RoomItem, SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href, type ParsedSearch } from '../../lib/routes.ts';
import { displayZone, formatDate, formatMinutes, minutesIntoDay } from '../../lib/zone.ts';
import { listQuery, programmeDayQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';

type Props = { summit: SummitView; day: string; search: ParsedSearch<'print'> };

export function PrintDayPage({ summit, day, search }: Props) {
  const { t } = useI18n();
  const slug = summit.slug;
  const programme = useQuery(programmeDayQuery(slug, day));
  const rooms = useQuery(listQuery(slug, 'rooms'));
  const people = useQuery(listQuery(slug, 'people'));
  const delegations = useQuery(listQuery(slug, 'delegations'));
  const other = search.sheets === 'doors' ? 'programme' : 'doors';
  return (
    <>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>{' '}
        <Link href={href('print', { slug, day }, { sheets: other })}>{t(`print.switch.${other}`)}</Link>
      </p>
      <Await query={programme}>
        {(p) => (
          <Await query={rooms}>
            {(r) => {
              // Paper shows what is published, in the summit's zone.
              const sessions = p.sessions.filter((s) => s.status === 'published');
              const names = new Map([
                ...(people.data ?? []).map((x): [string, string] => [x.key, x.name]),
                ...(delegations.data ?? []).map((x): [string, string] => [x.key, x.name]),
              ]);
              const sheet = { summit, day, sessions, rooms: r, names };
              return search.sheets === 'doors' ? <DoorSheets {...sheet} /> : <DayTable {...sheet} />;
            }}
          </Await>
        )}
      </Await>
    </>
  );
}

type Sheet = {
  summit: SummitView;
  day: string;
  sessions: SessionItem[];
  rooms: RoomItem[];
  names: Map<string, string>;
};

function useTimes(summit: SummitView, day: string) {
  const { t } = useI18n();
  const zone = displayZone('summit', summit);
  const minutes = (time = '') => minutesIntoDay(zone, Date.parse(time), day);
  return {
    ordered: (sessions: SessionItem[]) => [...sessions].sort((a, b) => minutes(a.start) - minutes(b.start)),
    range: (s: SessionItem) =>
      t('session.time', { start: formatMinutes(minutes(s.start)), end: formatMinutes(minutes(s.end)) }),
  };
}

const who = (s: SessionItem, names: Map<string, string>) =>
  s.participants
    .map((p) => names.get(p.person ?? p.delegation ?? ''))
    .filter(Boolean)
    .join(', ');

const COLUMNS = ['print.time', 'print.room', 'print.session', 'print.participants'] as const;

function DayTable({ summit, day, sessions, rooms, names }: Sheet) {
  const { t, dateLocale } = useI18n();
  const { ordered, range } = useTimes(summit, day);
  const roomName = new Map(rooms.map((r) => [r.key, r.name]));
  return (
    <>
      <h1>
        {summit.name}: {formatDate(day, dateLocale)}
      </h1>
      {sessions.length === 0 ? (
        <p>{t('programme.empty')}</p>
      ) : (
        <ScrollBox label={t('print.switch.programme')}>
          <table className="print-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ordered(sessions).map((s) => (
                <tr key={s.key}>
                  <td>{range(s)}</td>
                  <td>{s.room ? (roomName.get(s.room) ?? s.room) : t('programme.noRoom')}</td>
                  <th scope="row">
                    {s.title} <span className="print-kind">({t(`kind.${s.kind}`)})</span>
                  </th>
                  <td>{who(s, names)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <p className="print-footer">
        {t('print.footer', { zone: summit.timeZone, date: formatDate(day, dateLocale) })}
      </p>
    </>
  );
}

function DoorSheets({ summit, day, sessions, rooms, names }: Sheet) {
  const { t, dateLocale } = useI18n();
  const { ordered, range } = useTimes(summit, day);
  const used = rooms.filter((r) => sessions.some((s) => s.room === r.key));
  if (used.length === 0) return <p>{t('programme.empty')}</p>;
  return (
    <>
      <h1 className="no-print">{t('print.doors', { date: formatDate(day, dateLocale) })}</h1>
      {used.map((room) => (
        <section key={room.key} className="door-sheet" aria-labelledby={`door-${room.key}`}>
          <h2 id={`door-${room.key}`} className="door-room">
            {room.name}
          </h2>
          <p className="door-where">
            {[room.building, summit.name, formatDate(day, dateLocale)].filter(Boolean).join(' · ')}
          </p>
          <ol className="door-sessions">
            {ordered(sessions.filter((s) => s.room === room.key)).map((s) => (
              <li key={s.key}>
                <span className="door-time">{range(s)}</span>
                <span className="door-title">{s.title}</span>
                <span className="door-who">{who(s, names)}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
