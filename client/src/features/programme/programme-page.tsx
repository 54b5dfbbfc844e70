import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { SESSION_KINDS, type SessionKind } from '../../../../shared/domain/vocabulary.ts';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href, type ParsedSearch, type RouteSearch } from '../../lib/routes.ts';
import { displayZone, formatDate, minutesIntoDay, viewerZoneName } from '../../lib/zone.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { ConflictPanel } from '../conflicts/conflict-panel.tsx';
import { GridMoveUi } from '../conflicts/grid-move-ui.tsx';
import { useGridMoves } from '../conflicts/use-grid-moves.ts';
import { conflictCounts, usePlanning } from '../conflicts/use-planning.ts';
import type { SummitView } from '../summits/api.ts';
import { listQuery, programmeDayQuery } from './api.ts';
import { DayList } from './day-list.tsx';
import { languageOptions } from '../../lib/languages.ts';
import { filterSessions } from './programme-filters.ts';
import { ProgrammeLegend } from './programme-legend.tsx';
import { useConflictWords } from '../conflicts/use-conflict-words.ts';
import type { GridEditing } from './room-grid.tsx';

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
  const segments = useQuery(listQuery(slug, 'segments'));
  const programme = useQuery(programmeDayQuery(slug, day));
  const delegations = useQuery(listQuery(slug, 'delegations'));
  // Only the delegation filter needs the people (a person's delegation).
  const people = useQuery({ ...listQuery(slug, 'people'), enabled: !!search.delegation });
  /** Whether a span (a segment's) overlaps the day shown, in the display zone. */
  const inDay = (start: string, end: string) =>
    minutesIntoDay(zone, Date.parse(end), day) > 0 && minutesIntoDay(zone, Date.parse(start), day) < 24 * 60;
  const moves = useGridMoves(slug, planning);
  const markers = planning ? conflictCounts(planning.conflicts) : undefined;
  const say = useConflictWords(slug);
  const editing: GridEditing | undefined = planning
    ? {
        preview: (key, to) => {
          const session = planning.programme.sessions.find((s) => s.key === key);
          const instead = session ? [{ ...session, ...to }] : [];
          return moves.preview(key, to).map((c) => ({ severity: c.severity, text: say(c, instead) }));
        },
        move: (key, to) => moves.attempt(key, to),
      }
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
      <ErrorAlert error={moves.error} />
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
            {(r) => {
              const room = search.room && r.some((x) => x.key === search.room) ? search.room : undefined;
              const waiting = !!search.delegation && !people.data;
              const shown = filterSessions(
                p.sessions,
                {
                  kind: search.kind,
                  delegation: search.delegation,
                  language: search.language,
                  interpretation: search.interpretation,
                },
                people.data,
              );
              const filtered = !!(
                room ||
                search.kind ||
                search.delegation ||
                search.language ||
                search.interpretation
              );
              // The languages of the day's sessions (and the one asked for, should none have it).
              const spoken = (list: 'languages' | 'interpretation', asked?: string) =>
                languageOptions(
                  [...p.sessions.flatMap((s) => s[list] ?? []), ...(asked ? [asked] : [])],
                  dateLocale,
                );
              return (
                <>
                  <fieldset className="programme-filters">
                    <legend>{t('programme.filters')}</legend>
                    <FilterSelect
                      id="grid-room"
                      label={t('moves.roomFilter')}
                      value={room ?? ''}
                      options={r.map((x) => [x.key, x.name] as [string, string])}
                      onChange={(value) => navigate(withSearch({ room: value || undefined }))}
                    />
                    <FilterSelect
                      id="programme-kind"
                      label={t('programme.kindFilter')}
                      value={search.kind ?? ''}
                      options={SESSION_KINDS.map((k) => [k, t(`kind.${k}`)] as [string, string])}
                      onChange={(value) =>
                        navigate(withSearch({ kind: (value || undefined) as SessionKind | undefined }))
                      }
                    />
                    <FilterSelect
                      id="programme-delegation"
                      label={t('programme.delegationFilter')}
                      value={search.delegation ?? ''}
                      options={(delegations.data ?? []).map((d) => [d.key, d.name] as [string, string])}
                      onChange={(value) => navigate(withSearch({ delegation: value || undefined }))}
                    />
                    <FilterSelect
                      id="programme-language"
                      label={t('programme.languageFilter')}
                      value={search.language ?? ''}
                      options={spoken('languages', search.language)}
                      onChange={(value) => navigate(withSearch({ language: value || undefined }))}
                    />
                    <FilterSelect
                      id="programme-interpretation"
                      label={t('programme.interpretationFilter')}
                      value={search.interpretation ?? ''}
                      options={spoken('interpretation', search.interpretation)}
                      onChange={(value) => navigate(withSearch({ interpretation: value || undefined }))}
                    />
                  </fieldset>
                  <ProgrammeLegend
                    conflicts={!!markers}
                    bands={view === 'grid' && !!segments.data?.some((g) => inDay(g.start, g.end))}
                  />
                  {waiting ? (
                    <p role="status">{t('app.loading')}</p>
                  ) : view === 'grid' ? (
                    <>
                      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
                        <RoomGrid
                          slug={slug}
                          day={day}
                          sessions={shown}
                          rooms={r}
                          segments={segments.data}
                          room={room}
                          zone={zone}
                          markers={markers}
                          editing={editing}
                          empty={filtered ? t('programme.filteredEmpty') : undefined}
                        />
                      </Suspense>
                      {planning && <GridMoveUi slug={slug} moves={moves} rooms={r} zone={zone} />}
                    </>
                  ) : (
                    <DayList
                      slug={slug}
                      day={day}
                      sessions={room ? shown.filter((s) => s.room === room) : shown}
                      rooms={r}
                      zone={zone}
                      markers={markers}
                      empty={filtered ? t('programme.filteredEmpty') : undefined}
                    />
                  )}
                </>
              );
            }}
          </Await>
        )}
      </Await>
    </>
  );
}
