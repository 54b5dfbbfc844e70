// The support unit's view of the Marketplace: every slot (a row) at every table (a column), each
// cell naming the need of the live consultation there, or free.
import { ScrollBox } from '../../components/scroll-box.tsx';
import { useQuery } from '@tanstack/react-query';
import { slotsOf } from '../../../../shared/domain/marketplace.ts';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useReasonWords } from '../conflicts/use-conflict-words.ts';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { type ConsultationView, consultationsQuery, useSchedule } from './api.ts';
import { type Market, MarketFrame, MarketNav } from './frame.tsx';

export function TablesPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <MarketFrame slug={slug}>
      {(m) => (
        <>
          <h1>{t('market.grid')}</h1>
          <MarketNav m={m} />
          <p>{t('market.gridIntro')}</p>
          <Schedule m={m} />
          <Grid m={m} />
        </>
      )}
    </MarketFrame>
  );
}

function Grid({ m }: { m: Market }) {
  const { t } = useI18n();
  const list = useQuery(consultationsQuery(m.summit.slug));
  const windows = m.settings.segments.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
  const tables = m.settings.tables;
  const slots = slotsOf(
    windows,
    tables.map((x) => x.key),
    m.settings.slotMinutes,
  );
  const starts = [...new Set(slots.map((s) => s.start))];
  const length = m.settings.slotMinutes * 60_000;
  return (
    <Await query={list}>
      {(cs) => {
        const live = cs.filter(
          (c) => (c.status === 'requested' || c.status === 'accepted') && c.start !== null && c.end !== null,
        );
        const at = (room: string, start: number): ConsultationView | undefined =>
          live.find(
            (c) => c.room === room && Date.parse(c.start!) < start + length && start < Date.parse(c.end!),
          );
        return (
          <ScrollBox label={t('market.tables')}>
            <table className="data-table market-grid">
              <thead>
                <tr>
                  <th scope="col">{t('market.time')}</th>
                  {tables.map((x) => (
                    <th key={x.key} scope="col">
                      {x.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {starts.map((start) => (
                  <tr key={start}>
                    <th scope="row">
                      {m.when(new Date(start).toISOString(), new Date(start + length).toISOString())}
                    </th>
                    {tables.map((x) => {
                      const c = at(x.key, start);
                      return (
                        <td key={x.key} className={c ? `slot-${c.status}` : 'slot-free'}>
                          {c ? (
                            <>
                              <Link href={href('need', { slug: m.summit.slug, key: c.need })}>
                                {c.needTitle}
                              </Link>{' '}
                              ({t(`market.status.${c.status}`)})
                            </>
                          ) : (
                            t('market.free')
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        );
      }}
    </Await>
  );
}

/** The automatic schedule: one button, then what it scheduled and why it left the others. */
function Schedule({ m }: { m: Market }) {
  const { t } = useI18n();
  const schedule = useSchedule(m.summit.slug);
  // Why placement left one out, in the reader's language (the API's English until the programme is in).
  const reasons = useReasonWords(m.summit.slug);
  const table = (key: string) => m.settings.tables.find((x) => x.key === key)?.name ?? key;
  const done = schedule.data;
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{t('market.schedule')}</h2>
      <p>{t('market.scheduleIntro')}</p>
      <button type="button" disabled={schedule.isPending} onClick={() => schedule.mutate(undefined)}>
        {schedule.isPending ? t('market.scheduling') : t('market.schedule')}
      </button>
      <ErrorAlert error={schedule.error} />
      {done && (
        <div role="status">
          {done.scheduled.length + done.unscheduled.length === 0 && <p>{t('market.nothingToSchedule')}</p>}
          {done.scheduled.length > 0 && (
            <>
              <p>{t('market.scheduledCount', { count: done.scheduled.length })}</p>
              <ul>
                {done.scheduled.map((s) => (
                  <li key={s.id}>
                    {t('market.scheduledOne', {
                      need: s.needTitle,
                      time: m.when(s.start, s.end),
                      table: table(s.room),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {done.unscheduled.length > 0 && (
            <>
              <p>{t('market.notScheduled', { count: done.unscheduled.length })}</p>
              <ul>
                {done.unscheduled.map((u) => (
                  <li key={u.id}>
                    {t('market.notScheduledOne', {
                      need: u.needTitle,
                      reason: reasons.placement(u.why, u.reason),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
