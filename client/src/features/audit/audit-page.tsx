import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Change, describeLine } from '../../../../shared/domain/audit-words.ts';
import { ScrollBox } from '../../components/scroll-box.tsx';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayZone, formatDate } from '../../lib/zone.ts';
import type { SummitView } from '../summits/api.ts';
import { auditQuery } from './api.ts';
import { auditWords } from './audit-words.ts';

/** "Room: Menara → Atlas", "Title: Roundtable 2.2" (a value set), "Room: Menara → —" (removed). */
function changeText(c: Change): string {
  if (c.before === null) return `${c.field}: ${c.after}`;
  return `${c.field}: ${c.before} → ${c.after ?? '—'}`;
}

export function AuditPage({ summit }: { summit: SummitView }) {
  const { t, dateLocale } = useI18n();
  const log = useQuery(auditQuery(summit.slug));
  const words = useMemo(() => auditWords(t, dateLocale), [t, dateLocale]);
  // One clock everywhere: the summit's wall clock, 24-hour.
  const zone = displayZone('summit', summit);
  const when = (at: string) => {
    const wall = zone.wall(Date.parse(at));
    return `${formatDate(wall.date, dateLocale, 'short')} ${wall.time}`;
  };
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.zone', { zone: summit.timeZone })}</p>
      <Await query={log}>
        {(entries) => (
          <ScrollBox label={t('audit.title')}>
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
                {entries.map((e) => {
                  // Said in the reader's language from the line itself; the API's `what` is English.
                  const { what, changes } = describeLine(e, e.names, words);
                  return (
                    <tr key={e.id}>
                      <td>{when(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>{what}</td>
                      <td>
                        {changes.length > 0 && (
                          <ul className="audit-changes">
                            {changes.map((c) => (
                              <li key={c.field}>{changeText(c)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        )}
      </Await>
    </>
  );
}
