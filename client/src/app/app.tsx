import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { AccountNav } from '../features/auth/account-nav.tsx';
import { I18nProvider, useI18n } from '../lib/i18n.tsx';
import { Link, useRoute } from '../lib/router.tsx';
import { href } from '../lib/routes.ts';
import { LOCALES } from '../locales/index.ts';
import { Page } from './pages.tsx';
import { createQueryClient } from './query-client.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const { t, locale, setLocale } = useI18n();
  const { url, route } = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to its content, as a full page load would for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every navigation (a new URL) is the trigger.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [url]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link href={href('summits')} className="brand">
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
          <AccountNav />
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} notFound={<h1>{t('app.notFound')}</h1>} />
      </main>
    </>
  );
}
