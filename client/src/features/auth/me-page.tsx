import { useQuery } from '@tanstack/react-query';
import { LanguageSelect } from '../../components/language-select.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { listQuery } from '../programme/api.ts';
import { useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { SupportLinks } from '../../components/support-links.tsx';
import { MyFeeds } from '../feeds/my-feeds.tsx';
import { Subscribe } from '../feeds/subscribe.tsx';
import { ApiTokens } from './api-tokens.tsx';
import { useSignOut } from './api.ts';

export function MePage() {
  const { t } = useI18n();
  const me = useMe();
  const signOut = useSignOut('everywhere');
  if (!me) return null;
  if (me.kind === 'anonymous')
    return (
      <>
        <h1>{t('me.title')}</h1>
        <p>
          {t('me.anonymous')} <Link href={href('signIn')}>{t('nav.signIn')}</Link>
        </p>
      </>
    );
  const supportsAny = me.admin || me.summits.some((s) => s.roles.includes('support_unit'));
  return (
    <>
      <h1>{t('me.title')}</h1>
      <p>{me.email ? t('me.signedInAs', { email: me.email }) : t('me.admin')}</p>
      {me.kind === 'user' && me.summits.length === 0 && <p>{t('me.noSummit')}</p>}
      {me.admin && (
        <p>
          <Link href={href('allOutbox')}>{t('me.allOutbox')}</Link>
        </p>
      )}
      {me.summits.map(({ slug, name, roles, delegations, people }) => (
        <section key={slug} aria-labelledby={`summit-${slug}`}>
          <h2 id={`summit-${slug}`}>
            <Link href={href('summit', { slug })}>{name}</Link>
          </h2>
          <p>
            {t('me.roles')}: {roles.map((r) => t(`summitRole.${r}`)).join(', ')}
          </p>
          <ul>
            <AgendaLinks slug={slug} delegations={delegations} />
            {roles.includes('organiser') && (
              <li>
                <Link href={href('proposals', { slug })}>{t('proposals.mine')}</Link>
              </li>
            )}
            {roles.includes('support_unit') && <SupportLinks slug={slug} />}
          </ul>
          {people[0] && <Subscribe slug={slug} what={{ person: people[0] }} />}
        </section>
      ))}
      <section aria-labelledby="my-language">
        <h2 id="my-language">{t('me.language')}</h2>
        <p>{me.kind === 'user' ? t('me.languageHelp') : t('me.languageHere')}</p>
        <LanguageSelect label={t('me.languageLabel')} />
      </section>
      {me.kind === 'user' && <MyFeeds />}
      {supportsAny && <ApiTokens />}
      <p>
        <button
          type="button"
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate(href('summits')) })}
          disabled={signOut.isPending}
        >
          {t('me.signOutEverywhere')}
        </button>
      </p>
      <ErrorAlert error={signOut.error} />
    </>
  );
}

/** Links to the agendas of one's delegations, by their names (as the summit's list gives them). */
function AgendaLinks({ slug, delegations }: { slug: string; delegations: string[] }) {
  const { t } = useI18n();
  const list = useQuery({ ...listQuery(slug, 'delegations'), enabled: delegations.length > 0 });
  const name = new Map(list.data?.map((d) => [d.key, d.name]));
  // Until the names come, nothing: never a key where a name belongs.
  if (delegations.length === 0 || !list.data) return null;
  return (
    <>
      {delegations.map((key) => (
        <li key={key}>
          <Link href={href('agenda', { slug, key })}>
            {t('me.agenda', { delegation: name.get(key) ?? key })}
          </Link>
        </li>
      ))}
    </>
  );
}
