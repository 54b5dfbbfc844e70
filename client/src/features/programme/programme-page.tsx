import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { SessionKind } from '../../../../shared/domain/vocabulary.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href, type ParsedSearch, type RouteSearch } from '../../lib/routes.ts';
import { displayZone, formatDate, viewerZoneName } from '../../lib/zone.ts';
import { useMove } from '../conflicts/api.ts';
import { ConflictPanel } from '../conflicts/conflict-panel.tsx';
import { conflictCounts, type Planning, usePlanning } from '../conflicts/use-planning.ts';
import type { SummitView } from '../summits/api.ts';
import { listQuery, programmeDayQuery } from './api.ts';
import { DayList } from './day-list.tsx';
import type { GridEditing } from './room-grid.tsx';
import { KIND_COLOURS } from './session-colours.ts';

// The grid brings FullCalendar; phones start on the list and need not download it.
const RoomGrid = lazy(() => import('./room-grid.tsx').then((m) => ({ default: m.RoomGrid })));

type Props = { summit: SummitView; day?: string; search: ParsedSearch<'programme'> };

export function ProgrammePage({ summit, day: wanted, search }: Props) {
  const { t, dateLocale } = useI18n();
  const slug = summit.slug;
  const day = wanted && summit.days.includes(wanted) ? wanted : (summit.days[0] ?? summit.startDate);
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 40rem)').matches;
  const view = search.view ?? (narrow ? 'list' : 'grid');
  const zone = displayZone(search.zone, summit);
  const me = useMe();
  const planning = usePlanning(summit, isSupportUnit(me, slug));
  // The same query as the conflict engine's: one request for both.
  const rooms = useQuery(listQuery(slug, 'rooms'));
  const programme = useQuery(programmeDayQuery(slug, day));
  const move = useMove(slug);
  const markers = planning ? conflictCounts(planning.conflicts) : undefined;
  const editing = planning
    ? gridEditing(planning, (key, body) => move.mutateAsync({ key, ...body }))
    : undefined;
  const withSearch = (changes: RouteSearch<'programme'>) =>
    href('programme', { slug, day }, { ...search, ...changes });
  return (
    <>
      <h1>
        {t('programme.title')}: {summit.name}
      </h1>
      <nav aria-label={t('programme.day')} className="day-tabs">
        <ul>
          {summit.days.map((d) => (
            <li key={d}>
              <Link
                href={href('programme', { slug, day: d }, search)}
                aria-current={d === day ? 'page' : undefined}
              >
                {formatDate(d, dateLocale, 'short')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="programme-controls">
        <fieldset>
          <legend>{t('programme.view')}</legend>
          {(['grid', 'list'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="view"
                checked={view === v}
                onChange={() => navigate(withSearch({ view: v }))}
              />
              {t(`programme.view.${v}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('programme.zone')}</legend>
          {(['summit', 'local'] as const).map((z) => (
            <label key={z}>
              <input
                type="radio"
                name="zone"
                checked={search.zone === z}
                onChange={() => navigate(withSearch({ zone: z }))}
              />
              {t(`programme.zone.${z}`, { zone: z === 'summit' ? summit.timeZone : viewerZoneName() })}
            </label>
          ))}
        </fieldset>
      </div>
      {planning && <ConflictPanel slug={slug} />}
      <ErrorAlert error={move.error} />
      <h2>{formatDate(day, dateLocale)}</h2>
      <p className="no-print">
        <Link href={href('print', { slug, day })}>{t('print.day')}</Link> ·{' '}
        <Link href={href('print', { slug, day }, { sheets: 'doors' })}>{t('print.doorsLink')}</Link>
      </p>
      {planning && (
        <p className="no-print">
          <Link href={href('sessionNew', { slug }, { day })}>{t('sessionEdit.new')}</Link>
        </p>
      )}
      <Await query={programme}>
        {(p) => (
          <Await query={rooms}>
            {(r) =>
              view === 'grid' ? (
                <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                  <RoomGrid
                    slug={slug}
                    day={day}
                    sessions={p.sessions}
                    rooms={r}
                    zone={zone}
                    markers={markers}
                    editing={editing}
                  />
                </Suspense>
              ) : (
                <DayList
                  slug={slug}
                  day={day}
                  sessions={p.sessions}
                  rooms={r}
                  zone={zone}
                  markers={markers}
                />
              )
            }
          </Await>
        )}
      </Await>
      <section aria-label={t('programme.legend')} className="legend">
        <ul>
          {(Object.keys(KIND_COLOURS) as SessionKind[]).map((k) => (
            <li key={k}>
              <KindBadge kind={k} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** Dragging on the grid: the engine's verdict before the drop, the server's on it. */
function gridEditing(
  planning: Planning,
  move: (key: string, body: { room: string | null; start: string; end: string }) => Promise<unknown>,
): GridEditing {
  return {
    preview: (key, to) => {
      const session = planning.programme.sessions.find((s) => s.key === key);
      return session ? conflictsInvolving(planning.prepared, { ...session, ...to }) : [];
    },
    move: (key, to) =>
      move(key, {
        room: to.room,
        start: new Date(to.start).toISOString(),
        end: new Date(to.end).toISOString(),
      }).then(
        () => true,
        () => false,
      ),
  };
}
