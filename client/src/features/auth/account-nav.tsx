// The header's account links: sign in, or one's page and signing out.
import { ErrorAlert } from '../../components/status.tsx';
import { useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { useSignOut } from './api.ts';

export function AccountNav() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = useSignOut('here');
  if (!me) return null;
  if (me.kind === 'anonymous') return <Link href={href('signIn')}>{t('nav.signIn')}</Link>;
  return (
    <>
      <Link href={href('me')}>{t('nav.me')}</Link>
      <button
        type="button"
        className="link-button"
        onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate(href('summits')) })}
        disabled={signOut.isPending}
      >
        {t('nav.signOut')}
      </button>
      <ErrorAlert error={signOut.error} />
    </>
  );
}
