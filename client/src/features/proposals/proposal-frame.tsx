// The frame of the proposal pages: the proposal call first (the summit's name, zone, days,
// delegations and deadline, for anyone who may propose, even where the programme is not public
// yet), then the breadcrumbs and the page.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Await } from '../../components/status.tsx';
import { useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { type ProposalCall, proposalCallQuery } from './api.ts';

export function ProposalFrame({
  slug,
  children,
}: {
  slug: string;
  children: (call: ProposalCall) => ReactNode;
}) {
  const { t } = useI18n();
  const me = useMe();
  const call = useQuery({ ...proposalCallQuery(slug), enabled: me !== undefined && me.kind !== 'anonymous' });
  if (!me) return null;
  if (me.kind === 'anonymous') {
    // A link from an e-mail, opened signed out: sign in, and come back here.
    const here = `${window.location.pathname}${window.location.search}`;
    return (
      <p>
        {t('proposals.signInFirst')}{' '}
        <Link href={href('signIn', undefined, { next: here })}>{t('nav.signIn')}</Link>
      </p>
    );
  }
  return (
    <Await query={call}>
      {(c) => (
        <>
          <nav aria-label={c.summit.name} className="breadcrumbs">
            <Link href={href('summits')}>{t('summit.allSummits')}</Link> ›{' '}
            <Link href={href('summit', { slug })}>{c.summit.name}</Link>
          </nav>
          {children(c)}
        </>
      )}
    </Await>
  );
}
