// The review desk (the support unit): the summit's proposals newest first, filtered by status,
// format, preferred day and organiser as the URL says (so a filtered view can be bookmarked or
// shared), with counts per status and a page at a time.
import { ScrollBox } from '../../components/scroll-box.tsx';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROPOSAL_VIEW_STATUSES } from '../../../../shared/domain/proposals.ts';
import { Await } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import type { SummitView } from '../summits/api.ts';
import { type ProposalCall, type ProposalList, proposalCallQuery, proposalListQuery } from './api.ts';
import { DeskFilters, type DeskSearch } from './desk-filters.tsx';
import { STATUS_NAMES } from './proposal-facts.tsx';
import { summitInterval, summitMoment, wallClockOf } from './times.ts';

export function DeskPage({ summit, search }: { summit: SummitView; search: DeskSearch }) {
  const { t } = useI18n();
  const me = useMe();
  const desk = isSupportUnit(me, summit.slug);
  const call = useQuery({ ...proposalCallQuery(summit.slug), enabled: desk });
  const list = useQuery({
    ...proposalListQuery(summit.slug, search),
    enabled: desk,
    placeholderData: keepPreviousData,
  });
  if (!me) return null;
  if (!desk) return <p>{t('app.notFound')}</p>;
  return (
    <>
      <h1>{t('desk.title')}</h1>
      <Await query={call}>
        {(c) => (
          <>
            <DeskFilters call={c} search={search} />
            <Await query={list}>{(page) => <DeskList call={c} page={page} search={search} />}</Await>
          </>
        )}
      </Await>
    </>
  );
}

function DeskList({ call, page, search }: { call: ProposalCall; page: ProposalList; search: DeskSearch }) {
  const { t, dateLocale } = useI18n();
  const slug = call.summit.slug;
  const zone = call.summit.timeZone;
  return (
    <>
      <nav aria-label={t('desk.counts')} className="status-counts">
        <ul>
          {PROPOSAL_VIEW_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={href('desk', { slug }, { ...search, status: s, before: undefined })}
                aria-current={search.status === s ? 'page' : undefined}
              >
                {t('desk.count', { status: t(STATUS_NAMES[s]), count: page.counts[s] ?? 0 })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t('desk.total', { count: page.total })}</p>
      {page.proposals.length > 0 && (
        <ScrollBox label={t('desk.title')}>
          <table className="data-table desk-table">
            <caption className="visually-hidden">{t('desk.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposal.title')}</th>
                <th scope="col">{t('proposal.organisers')}</th>
                <th scope="col">{t('proposal.format')}</th>
                <th scope="col">{t('proposal.duration')}</th>
                <th scope="col">{t('proposal.attendance')}</th>
                <th scope="col">{t('desk.starts')}</th>
                <th scope="col">{t('proposal.status')}</th>
                <th scope="col">{t('desk.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {page.proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={href('review', { slug, id: String(p.id) })}>
                      {p.title || t('proposal.untitled', { id: p.id })}
                    </Link>
                  </th>
                  <td>{p.organiserNames.join('; ')}</td>
                  <td>{p.format && t(`format.${p.format}`)}</td>
                  <td>
                    {p.durationMinutes !== undefined && t('proposal.minutes', { count: p.durationMinutes })}
                  </td>
                  <td>{p.expectedAttendance}</td>
                  <td>
                    {p.placement
                      ? `${p.placement.roomName}, ${summitInterval(p.placement.start, p.placement.end, zone, dateLocale)}`
                      : p.preferredStarts
                          .map((s) => `${formatDate(s.slice(0, 10), dateLocale, 'short')} ${s.slice(11, 16)}`)
                          .join('; ')}
                  </td>
                  <td>
                    {t(STATUS_NAMES[p.status])}
                    {p.late && ` (${t('proposal.late')})`}
                  </td>
                  <td>{p.submittedAt && summitMoment(wallClockOf(p.submittedAt, zone), zone, dateLocale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <div className="button-row">
        {search.before && (
          <Link href={href('desk', { slug }, { ...search, before: undefined })}>{t('desk.firstPage')}</Link>
        )}
        {page.next !== undefined && (
          <Link href={href('desk', { slug }, { ...search, before: String(page.next) })}>
            {t('proposals.nextPage')}
          </Link>
        )}
      </div>
    </>
  );
}
