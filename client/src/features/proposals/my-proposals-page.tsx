// The organiser's proposals in one summit: each with its status in words and, once scheduled, its
// room and time; the deadline; a link to propose another while the summit calls for proposals.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { type ProposalCall, proposalListQuery } from './api.ts';
import { ProposalFrame } from './proposal-frame.tsx';
import { STATUS_NAMES } from './proposal-facts.tsx';
import { summitInterval, summitMoment } from './times.ts';

export function MyProposalsPage({ slug }: { slug: string }) {
  const { t, dateLocale } = useI18n();
  return (
    <ProposalFrame slug={slug}>
      {(call) => (
        <>
          <h1>{t('proposals.mine')}</h1>
          {call.deadline && (
            <p>
              {t(call.open ? 'proposals.deadlineAhead' : 'proposals.deadlinePassed', {
                deadline: summitMoment(call.deadline, call.summit.timeZone, dateLocale),
              })}
            </p>
          )}
          {call.open && (
            <p>
              <Link href={href('proposalNew', { slug })} className="button-link">
                {t('proposals.propose')}
              </Link>
            </p>
          )}
          <MyList slug={slug} call={call} />
        </>
      )}
    </ProposalFrame>
  );
}

function MyList({ slug, call }: { slug: string; call: ProposalCall }) {
  const { t, dateLocale } = useI18n();
  const [before, setBefore] = useState<string[]>([]);
  const list = useQuery({
    ...proposalListQuery(slug, { before: before.at(-1) }),
    placeholderData: keepPreviousData,
  });
  const zone = call.summit.timeZone;
  return (
    <Await query={list}>
      {(page) =>
        page.proposals.length === 0 ? (
          <p>{t('proposals.none')}</p>
        ) : (
          <>
            <ul className="proposal-list">
              {page.proposals.map((p) => (
                <li key={p.id}>
                  <Link href={href('proposal', { slug, id: String(p.id) })}>
                    {p.title || t('proposal.untitled', { id: p.id })}
                  </Link>
                  <p>
                    {t(STATUS_NAMES[p.status])}
                    {p.placement &&
                      ` · ${p.placement.roomName}, ${summitInterval(p.placement.start, p.placement.end, zone, dateLocale)}`}
                  </p>
                </li>
              ))}
            </ul>
            <div className="button-row">
              {before.length > 0 && (
                <button type="button" className="secondary" onClick={() => setBefore(before.slice(0, -1))}>
                  {t('conflicts.previous')}
                </button>
              )}
              {page.next !== undefined && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setBefore([...before, String(page.next)])}
                >
                  {t('proposals.nextPage')}
                </button>
              )}
            </div>
          </>
        )
      }
    </Await>
  );
}
