import { send } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate, paths } from '../../lib/router.tsx';
import type { MessageKey } from '../../locales/en.ts';
import { ApiTokens } from './api-tokens.tsx';

export function MePage() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  if (!me) return null;
  if (me.kind === 'anonymous')
    return (
      <>
        <h1>{t('me.title')}</h1>
        <p>
          {t('me.anonymous')} <Link href="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </>
    );
  const signOutEverywhere = async () => {
    await send('POST', '/api/auth/sign-out-everywhere');
    await refresh();
    navigate('/');
  };
  const supportsAny = me.admin || me.summits.some((s) => s.roles.includes('support_unit'));
  return (
    <>
      <h1>{t('me.title')}</h1>
      <p>{me.email ? t('me.signedInAs', { email: me.email }) : t('me.admin')}</p>
      {me.kind === 'user' && me.summits.length === 0 && <p>{t('me.noSummit')}</p>}
      {me.admin && (
        <p>
          <Link href={paths.outbox(null)}>{t('me.allOutbox')}</Link>
        </p>
      )}
      {me.summits.map((s) => (
        <section key={s.slug} aria-labelledby={`summit-${s.slug}`}>
          <h2 id={`summit-${s.slug}`}>
            <Link href={paths.summit(s.slug)}>{s.name}</Link>
          </h2>
          <p>
            {t('me.roles')}: {s.roles.map((r) => t(`summitRole.${r}` as MessageKey)).join(', ')}
          </p>
          <ul>
            {s.delegations.map((d) => (
              <li key={d}>
                <Link href={paths.agenda(s.slug, d)}>{t('me.agenda', { delegation: d })}</Link>
              </li>
            ))}
            {s.roles.includes('support_unit') && (
              <>
                <li>
                  <Link href={paths.outbox(s.slug)}>{t('support.outbox')}</Link>
                </li>
                <li>
                  <Link href={paths.roles(s.slug)}>{t('support.roles')}</Link>
                </li>
                <li>
                  <Link href={paths.audit(s.slug)}>{t('support.audit')}</Link>
                </li>
                <li>
                  <Link href={paths.plan(s.slug)}>{t('plan.link')}</Link>
                </li>
              </>
            )}
          </ul>
        </section>
      ))}
      {supportsAny && <ApiTokens />}
      <p>
        <button type="button" onClick={signOutEverywhere}>
          {t('me.signOutEverywhere')}
        </button>
      </p>
    </>
  );
}
