import { Await } from '../../components/status.tsx';
import { useApi, type SummitView } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, paths } from '../../lib/router.tsx';
import { formatDate } from '../../lib/zone.ts';

export function SummitList() {
  const { t, dateLocale } = useI18n();
  const summits = useApi<SummitView[]>('/api/summits');
  return (
    <>
      <h1>{t('summits.title')}</h1>
      <Await loaded={summits}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('summits.none')}</p>
          ) : (
            <ul className="summit-list">
              {list.map((s) => (
                <li key={s.slug}>
                  <Link href={paths.summit(s.slug)}>{s.name}</Link>
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
