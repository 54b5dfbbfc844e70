import { QueryClientProvider } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { LanguageSelect } from '../components/language-select.tsx';
import { AccountNav } from '../features/auth/account-nav.tsx';
import { useAccountLanguage } from '../features/auth/api.ts';
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
  const { t } = useI18n();
  useAccountLanguage();
  const { url, route } = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to its content, as a full page load would for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every navigation (a new URL) is the trigger.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [url]);
  usePageTitle(main, t('app.name'));
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
          {Object.keys(LOCALES).length > 1 && <LanguageSelect label={t('app.language')} />}
          <AccountNav />
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} notFound={<h1>{t('app.notFound')}</h1>} />
      </main>
    </>
  );
}

/**
 * The window's title names the page, in its language: the page's heading, then the app ("Rooms on
 * Friday – Convene"), kept up as the page loads and changes (WCAG 2.4.2).
 */
function usePageTitle(main: RefObject<HTMLElement | null>, appName: string) {
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const update = () => {
      const heading = root.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} – ${appName}` : appName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, appName]);
}
