// The page a sign-in link opens. It asks for a click before using the link, so that mail scanners
// that fetch links do not spend it.
import { useState } from 'react';
import { send } from '../../lib/api.ts';
import { useAuth, type Me } from '../../lib/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate, paths } from '../../lib/router.tsx';

/** Where to go after signing in: the page asked for, else one's delegation's agenda, else one's page. */
export function landingPage(me: Me, next: string | null): string {
  if (next) return next;
  const delegations = me.summits.flatMap((s) => s.delegations.map((d) => paths.agenda(s.slug, d)));
  return delegations.length === 1 ? delegations[0]! : '/me';
}

export function VerifyPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const token = search.get('token');
  if (!token)
    return (
      <>
        <h1>{t('verify.title')}</h1>
        <p role="alert">{t('verify.missing')}</p>
      </>
    );
  const go = async () => {
    try {
      const { next } = await send<{ next: string | null }>('POST', '/api/auth/verify', { token });
      navigate(landingPage(await refresh(), next));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <button type="button" onClick={go}>
        {t('verify.continue')}
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}
