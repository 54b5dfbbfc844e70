import { useEffect, useRef } from 'react';
import { Await } from '../components/status.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { PlanPage } from '../features/conflicts/plan-page.tsx';
import { MePage } from '../features/auth/me-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { VerifyPage } from '../features/auth/verify-page.tsx';
import { AgendaPage } from '../features/delegations/agenda-page.tsx';
import { OutboxPage } from '../features/mail/outbox-page.tsx';
import { ProgrammePage } from '../features/programme/programme-page.tsx';
import { RolesPage } from '../features/roles/roles-page.tsx';
import { SessionPage } from '../features/sessions/session-page.tsx';
import { SummitHome } from '../features/summits/summit-home.tsx';
import { SummitList } from '../features/summits/summit-list.tsx';
import { send, useApi, type SummitView } from '../lib/api.ts';
import { AuthProvider, useAuth } from '../lib/auth.tsx';
import { I18nProvider, useI18n } from '../lib/i18n.tsx';
import { Link, navigate, paths, useLocation, type Route } from '../lib/router.tsx';
import { LOCALES } from '../locales/index.ts';

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t, locale, setLocale } = useI18n();
  const { route, search } = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to its content, as a full page load would for screen readers.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [route]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.name')} className="account-nav">
          {Object.keys(LOCALES).length > 1 && (
            <label>
              {t('app.language')}{' '}
              <select value={locale} onChange={(e) => setLocale(e.target.value)}>
                {Object.entries(LOCALES).map(([code, l]) => (
                  <option key={code} value={code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Account />
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} search={search} />
      </main>
    </>
  );
}

function Account() {
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  if (!me) return null;
  if (me.kind === 'anonymous') return <Link href="/sign-in">{t('nav.signIn')}</Link>;
  const signOut = async () => {
    await send('POST', '/api/auth/sign-out');
    await refresh();
    navigate('/');
  };
  return (
    <>
      <Link href="/me">{t('nav.me')}</Link>
      <button type="button" className="link-button" onClick={signOut}>
        {t('nav.signOut')}
      </button>
    </>
  );
}

function Page({ route, search }: { route: Route; search: URLSearchParams }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'summits':
      return <SummitList />;
    case 'sign-in':
      return <SignInPage search={search} />;
    case 'verify':
      return <VerifyPage search={search} />;
    case 'me':
      return <MePage />;
    case 'not-found':
      return <p>{t('app.notFound')}</p>;
    default:
      return route.slug === null ? (
        <OutboxPage slug={null} />
      ) : (
        <SummitRoute slug={route.slug} route={route} search={search} />
      );
  }
}

function SummitRoute({ slug, route, search }: { slug: string; route: Route; search: URLSearchParams }) {
  const { t } = useI18n();
  const { me } = useAuth();
  // Signing in may reveal a summit (drafts, one's own delegation): fetch again when that changes.
  const summit = useApi<SummitView>(`/api/summits/${encodeURIComponent(slug)}`, me?.email ? 1 : 0);
  return (
    <Await loaded={summit}>
      {(s) => (
        <>
          <nav aria-label={s.name} className="breadcrumbs">
            <Link href="/">{t('summit.allSummits')}</Link> › <Link href={paths.summit(s.slug)}>{s.name}</Link>
          </nav>
          {route.page === 'summit' && <SummitHome summit={s} />}
          {route.page === 'programme' && <ProgrammePage summit={s} day={route.day} search={search} />}
          {route.page === 'session' && <SessionPage summit={s} sessionKey={route.key} search={search} />}
          {route.page === 'agenda' && <AgendaPage summit={s} delegationKey={route.key} />}
          {route.page === 'outbox' && <OutboxPage slug={s.slug} />}
          {route.page === 'roles' && <RolesPage summit={s} />}
          {route.page === 'audit' && <AuditPage slug={s.slug} />}
          {route.page === 'plan' && <PlanPage summit={s} />}
        </>
      )}
    </Await>
  );
}
