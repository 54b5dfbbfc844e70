// One proposal on the review desk (the support unit): the proposal beside the rooms that can hold
// it, the decision its `actions` allow, and once accepted a place for its session; messages with
// the organisers. Others find no such page, as the API hides the desk from them.
import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import type { SummitView } from '../summits/api.ts';
import { proposalCallQuery, proposalQuery } from './api.ts';
import { Comments } from './comments.tsx';
import { DeadlineForm } from './deadline-form.tsx';
import { DecisionForm } from './decision-form.tsx';
import { PlaceOffer } from './place-offer.tsx';
import { ProposalDetails } from './proposal-details.tsx';
import { ProposalFacts } from './proposal-facts.tsx';
import { Report } from './report-form.tsx';
import { RoomsForProposal } from './room-list.tsx';

export function ReviewPage({ summit, id }: { summit: SummitView; id: number }) {
  const { t } = useI18n();
  const me = useMe();
  const desk = isSupportUnit(me, summit.slug);
  const call = useQuery({ ...proposalCallQuery(summit.slug), enabled: desk });
  const proposal = useQuery({ ...proposalQuery(summit.slug, id), enabled: desk });
  if (!me) return null;
  if (!desk) return <p>{t('app.notFound')}</p>;
  const slug = summit.slug;
  return (
    <>
      <p>
        <Link href={href('desk', { slug })}>{t('desk.back')}</Link>
      </p>
      <Await query={call}>
        {(c) => (
          <Await query={proposal}>
            {(p) => (
              <>
                <h1>{p.title || t('proposal.untitled', { id: p.id })}</h1>
                <ProposalFacts call={c} proposal={p} />
                {p.session && (
                  <p>
                    <Link href={href('session', { slug, key: p.session })}>{t('desk.session')}</Link>
                  </p>
                )}
                {p.status === 'accepted' && !p.session && <p role="status">{t('desk.sessionLost')}</p>}
                <div className="side-by-side">
                  <section aria-labelledby="the-proposal">
                    <h2 id="the-proposal">{t('desk.proposal')}</h2>
                    <ProposalDetails proposal={p} call={c} />
                  </section>
                  <RoomsForProposal slug={slug} proposal={p} />
                </div>
                <DecisionForm slug={slug} proposal={p} />
                <DeadlineForm slug={slug} proposal={p} zone={summit.timeZone} />
                {p.status === 'accepted' && p.session && <PlaceOffer summit={summit} proposal={p} />}
                <Report slug={slug} proposal={p} />
                {p.actions.includes('comment') && (
                  <Comments slug={slug} id={p.id} timeZone={summit.timeZone} />
                )}
              </>
            )}
          </Await>
        )}
      </Await>
    </>
  );
}
