// The page a sign-in link opens. It asks for a click before using the link, so that mail scanners
// that fetch links do not spend it.
import { ErrorAlert } from '../../components/status.tsx';
import type { Me } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';
import { type Href, href, toHref } from '../../lib/routes.ts';
import { useVerifyLink } from './api.ts';

/** Where to go after signing in: the page asked for, else one's delegation's agenda, else one's page. */
export function landingPage(me: Me, next: string | null): Href {
  const asked = next === null ? null : toHref(next);
  if (asked) return asked;
  const agendas = me.summits.flatMap((s) =>
    s.delegations.map((key) => href('agenda', { slug: s.slug, key })),
  );
  return agendas.length === 1 && agendas[0] ? agendas[0] : href('me');
}

export function VerifyPage({ token }: { token?: string }) {
  const { t } = useI18n();
  const verify = useVerifyLink();
  if (!token)
    return (
      <>
        <h1>{t('verify.title')}</h1>
        <p role="alert">{t('verify.missing')}</p>
      </>
    );
  const go = () => verify.mutate({ token }, { onSuccess: ({ me, next }) => navigate(landingPage(me, next)) });
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <button type="button" onClick={go} disabled={verify.isPending}>
        {t('verify.continue')}
      </button>
      <ErrorAlert error={verify.error} />
    </>
  );
}
