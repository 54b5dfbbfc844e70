import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import { summitsQuery } from './api.ts';

export function SummitList() {
  const { t, dateLocale } = useI18n();
  const summits = useQuery(summitsQuery);
  return (
    <>
      <h1>{t('summits.title')}</h1>
      <Await query={summits}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('summits.none')}</p>
          ) : (
            <ul className="summit-list">
              {list.map((s) => (
                <li key={s.slug}>
                  <Link href={href('summit', { slug: s.slug })}>{s.name}</Link>
                  <p>
                    {s.venue} ·{' '}
                    {t('summit.dates', {
                      start: formatDate(s.startDate, dateLocale),
                      end: formatDate(s.endDate, dateLocale),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
    </>
  );
}
