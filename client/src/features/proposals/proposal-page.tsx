// One proposal for its organisers: the form while it may be changed (new, draft, changes requested),
// otherwise the proposal as sent; its status, deadline, and once scheduled its room and time; the
// buttons its `actions` allow; messages with the support unit; the report after the event.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { type ProposalCall, type ProposalView, proposalQuery, useWithdraw } from './api.ts';
import { Comments } from './comments.tsx';
import { ProposalDetails } from './proposal-details.tsx';
import { ProposalEditor } from './proposal-editor.tsx';
import { ProposalFrame } from './proposal-frame.tsx';
import { ProposalFacts } from './proposal-facts.tsx';
import { Report } from './report-form.tsx';

export function ProposalPage({ slug, id }: { slug: string; id: number | null }) {
  const { t } = useI18n();
  return (
    <ProposalFrame slug={slug}>
      {(call) => (
        <>
          <p>
            <Link href={href('proposals', { slug })}>{t('proposals.mine')}</Link>
          </p>
          <Current slug={slug} call={call} id={id} />
        </>
      )}
    </ProposalFrame>
  );
}

/**
 * A new proposal and a loaded one render the same tree, so that the form stays as it is when the
 * first keystroke gives it a number and the address becomes the proposal's (the saved proposal is
 * in the cache by then).
 */
function Current({ slug, call, id }: { slug: string; call: ProposalCall; id: number | null }) {
  const proposal = useQuery({ ...proposalQuery(slug, id ?? 0), enabled: id !== null });
  if (id !== null && !proposal.data) return <Await query={proposal}>{() => null}</Await>;
  return <Opened slug={slug} call={call} proposal={proposal.data ?? null} />;
}

function Opened({
  slug,
  call,
  proposal,
}: {
  slug: string;
  call: ProposalCall;
  proposal: ProposalView | null;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [generation, setGeneration] = useState(0);
  // Submitting replaces the form with the proposal as sent: the focus goes to the news.
  const [submitted, setSubmitted] = useState(false);
  const news = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (submitted) news.current?.focus();
  }, [submitted]);
  const editable = proposal === null || proposal.actions.includes('edit');
  const reload = async () => {
    if (proposal) await qc.refetchQueries({ queryKey: proposalQuery(slug, proposal.id).queryKey });
    setGeneration((n) => n + 1);
  };
  return (
    <>
      <h1>{proposal?.title || t('proposal.new')}</h1>
      <ProposalFacts call={call} proposal={proposal} />
      {submitted && (
        <p role="status" tabIndex={-1} ref={news} className="notice">
          {t('proposal.submitted')}
        </p>
      )}
      {editable ? (
        <ProposalEditor
          key={generation}
          slug={slug}
          call={call}
          proposal={proposal}
          onReload={reload}
          onSubmitted={() => setSubmitted(true)}
        />
      ) : (
        <ProposalDetails proposal={proposal} call={call} />
      )}
      {proposal && <Withdraw slug={slug} proposal={proposal} />}
      {proposal && <Report slug={slug} proposal={proposal} />}
      {proposal?.actions.includes('comment') && (
        <Comments slug={slug} id={proposal.id} timeZone={call.summit.timeZone} />
      )}
    </>
  );
}

/** Withdrawing asks once more before it is done: it cannot be undone. */
function Withdraw({ slug, proposal }: { slug: string; proposal: ProposalView }) {
  const { t } = useI18n();
  const withdraw = useWithdraw(slug, proposal.id);
  const [asked, setAsked] = useState(false);
  if (!proposal.actions.includes('withdraw')) return null;
  return (
    <section aria-labelledby="withdraw" className="withdraw">
      <h2 id="withdraw">{t('proposal.withdrawTitle')}</h2>
      {asked ? (
        <>
          <p>{t('proposal.withdrawSure')}</p>
          <div className="button-row">
            <button type="button" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              {t('proposal.withdrawYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsked(false)}>
              {t('proposal.withdrawNo')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsked(true)}>
          {t('proposal.withdraw')}
        </button>
      )}
      <ErrorAlert error={withdraw.error} />
    </section>
  );
}
