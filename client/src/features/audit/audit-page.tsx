import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { auditQuery } from './api.ts';

export function AuditPage({ slug }: { slug: string }) {
  const { t, dateLocale } = useI18n();
  const log = useQuery(auditQuery(slug));
  const when = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <Await query={log}>
        {(entries) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>{e.actor}</td>
                  <td>{`${e.action} ${e.entity}${e.entityKey ? ` ${e.entityKey}` : ''}`}</td>
                  <td>
                    <details>
                      <summary>{t('audit.details')}</summary>
                      <pre>{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Await>
    </>
  );
}
