import { lazy, Suspense, useState } from 'react';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { SessionKind } from '../../../../shared/domain/vocabulary.ts';
import { Await } from '../../components/status.tsx';
import { KindBadge } from '../../components/kind-badge.tsx';
import { send, useApi, type ProgrammeDay, type RoomItem, type SummitView } from '../../lib/api.ts';
import { isSupportUnit, useAuth } from '../../lib/auth.tsx';
import { ConflictPanel } from '../conflicts/conflict-panel.tsx';
import { conflictCounts, usePlanning } from '../conflicts/use-planning.ts';
import type { GridEditing } from './room-grid.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate, paths } from '../../lib/router.tsx';
import { displayZone, formatDate, viewerZoneName, type ZoneMode } from '../../lib/zone.ts';
import { DayList } from './day-list.tsx';
import { KIND_COLOURS } from './session-colours.ts';

// The grid brings FullCalendar; phones start on the list and need not download it.
const RoomGrid = lazy(() => import('./room-grid.tsx').then((m) => ({ default: m.RoomGrid })));

type Props = { summit: SummitView; day: string | null; search: URLSearchParams };

export function ProgrammePage({ summit, day: wanted, search }: Props) {
  const { t, dateLocale } = useI18n();
  const day = wanted && summit.days.includes(wanted) ? wanted : summit.days[0]!;
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 40rem)').matches;
  const view = search.get('view') === 'list' || (search.get('view') === null && narrow) ? 'list' : 'grid';
  const zoneMode: ZoneMode = search.get('zone') === 'local' ? 'local' : 'summit';
  const zone = displayZone(zoneMode, summit);
  const { me } = useAuth();
  const planner = isSupportUnit(me, summit.slug);
  const [version, setVersion] = useState(0);
  const planning = usePlanning(summit, planner);
  const rooms = useApi<RoomItem[]>(`/api/summits/${summit.slug}/rooms`);
  const programme = useApi<ProgrammeDay>(
    `/api/summits/${summit.slug}/programme?day=${day}`,
    version + (planner ? 1000 : 0),
  );
  const markers = planning ? conflictCounts(planning.conflicts) : undefined;
  const [moveError, setMoveError] = useState<string | null>(null);
  const editing: GridEditing | undefined = planning
    ? {
        preview: (key, to) => {
          const session = planning.programme.sessions.find((s) => s.key === key)!;
          return conflictsInvolving(planning.prepared, {
            ...session,
            room: to.room,
            start: to.start,
            end: to.end,
          });
        },
        move: async (key, to) => {
          try {
            await send('POST', `/api/summits/${summit.slug}/sessions/${encodeURIComponent(key)}/move`, {
              room: to.room,
              start: new Date(to.start).toISOString(),
              end: new Date(to.end).toISOString(),
            });
            setMoveError(null);
            planning.reload();
            setVersion((v) => v + 1);
            return true;
          } catch (e) {
            setMoveError((e as Error).message);
            return false;
          }
        },
      }
    : undefined;
  const withQuery = (changes: Record<string, string>) => {
    const q = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) q.set(k, v);
    return `${paths.programme(summit.slug, day)}?${q}`;
  };
  const dayHref = (d: string) => `${paths.programme(summit.slug, d)}${search.size ? `?${search}` : ''}`;
  return (
    <>
      <h1>
        {t('programme.title')}: {summit.name}
      </h1>
      <nav aria-label={t('programme.day')} className="day-tabs">
        <ul>
          {summit.days.map((d) => (
            <li key={d}>
              <Link href={dayHref(d)} aria-current={d === day ? 'page' : undefined}>
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
                onChange={() => navigate(withQuery({ view: v }))}
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
                checked={zoneMode === z}
                onChange={() => navigate(withQuery({ zone: z }))}
              />
              {t(`programme.zone.${z}`, { zone: z === 'summit' ? summit.timeZone : viewerZoneName() })}
            </label>
          ))}
        </fieldset>
      </div>
      {planning && <ConflictPanel slug={summit.slug} conflicts={planning.conflicts} />}
      {moveError && <p role="alert">{moveError}</p>}
      <h2>{formatDate(day, dateLocale)}</h2>
      <Await loaded={programme}>
        {(p) => (
          <Await loaded={rooms}>
            {(r) =>
              view === 'grid' ? (
                <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                  <RoomGrid
                    slug={summit.slug}
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
                  slug={summit.slug}
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
