// A proposal's state in words: its status, the deadline (in the summit's zone), and once scheduled
// where and when its session is.
import type { ProposalViewStatus } from '../../../../shared/domain/proposals.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';
import type { ProposalCall, ProposalView } from './api.ts';
import { summitInterval, summitMoment } from './times.ts';

export const STATUS_NAMES: Record<ProposalViewStatus, MessageKey> = {
  draft: 'proposalStatus.draft',
  submitted: 'proposalStatus.submitted',
  changes_requested: 'proposalStatus.changes_requested',
  accepted: 'proposalStatus.accepted',
  scheduled: 'proposalStatus.scheduled',
  rejected: 'proposalStatus.rejected',
  withdrawn: 'proposalStatus.withdrawn',
};

export function ProposalFacts({ call, proposal }: { call: ProposalCall; proposal: ProposalView | null }) {
  const { t, dateLocale } = useI18n();
  const zone = call.summit.timeZone;
  const deadline = proposal ? proposal.deadline : call.deadline;
  return (
    <dl className="facts">
      <dt>{t('proposal.status')}</dt>
      <dd>
        {t(STATUS_NAMES[proposal?.status ?? 'draft'])}
        {proposal?.late && ` (${t('proposal.late')})`}
      </dd>
      {deadline && (
        <>
          <dt>{t('proposal.deadline')}</dt>
          <dd>
            {summitMoment(deadline, zone, dateLocale)}
            {proposal?.deadlineExtended && ` (${t('proposal.extended')})`}
          </dd>
        </>
      )}
      {proposal?.placement && (
        <>
          <dt>{t('session.where')}</dt>
          <dd>{proposal.placement.roomName}</dd>
          <dt>{t('session.when')}</dt>
          <dd>{summitInterval(proposal.placement.start, proposal.placement.end, zone, dateLocale)}</dd>
        </>
      )}
    </dl>
  );
}
