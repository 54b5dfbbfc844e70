// On a summit's home, for anyone signed in where the summit calls for side-event proposals (or
// where they already have some): a link to propose one while the call is open, and to their own.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { proposalCallQuery } from './api.ts';

export function ProposalLinks({ slug }: { slug: string }) {
  const { t } = useI18n();
  // A summit that takes no proposals from the caller answers 404: then there is nothing to link to.
  const call = useQuery({ ...proposalCallQuery(slug), retry: false });
  if (!call.data) return null;
  return (
    <nav aria-labelledby="side-events">
      <h2 id="side-events">{t('proposals.sideEvents')}</h2>
      <ul>
        {call.data.open && (
          <li>
            <Link href={href('proposalNew', { slug })}>{t('proposals.propose')}</Link>
          </li>
        )}
        <li>
          <Link href={href('proposals', { slug })}>{t('proposals.mine')}</Link>
        </li>
      </ul>
    </nav>
  );
}
