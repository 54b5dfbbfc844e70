// The programme's state on the summit's home: published (with its last release's date and time,
// in the summit's zone on the 24-hour clock) or draft; the support unit also reads how many placed
// sessions wait for the next release.
import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayZone, formatDate } from '../../lib/zone.ts';
import { releaseQuery, type SummitView } from './api.ts';

export function ProgrammeState({ summit }: { summit: SummitView }) {
  const { t, dateLocale } = useI18n();
  const state = useQuery(releaseQuery(summit.slug));
  const zone = displayZone('summit', summit);
  return (
    <section aria-labelledby="programme-state">
      <h2 id="programme-state">{t('programmeState.title')}</h2>
      <Await query={state}>
        {({ state, published, lastRelease, waiting }) => {
          const wall = lastRelease && zone.wall(Date.parse(lastRelease.at));
          return (
            <>
              <p className="programme-state">
                {lastRelease && wall
                  ? t('programmeState.published', {
                      number: lastRelease.number,
                      date: formatDate(wall.date, dateLocale),
                      time: wall.time,
                      zone: summit.timeZone,
                      sessions: lastRelease.sessions,
                    })
                  : state === 'published'
                    ? t('programmeState.publishedFile', { sessions: published })
                    : t('programmeState.draft')}
              </p>
              {waiting !== null && waiting > 0 && <p>{t('programmeState.waiting', { count: waiting })}</p>}
            </>
          );
        }}
      </Await>
    </section>
  );
}
