// The frame of every page of one summit: the summit is loaded first, then its breadcrumbs and page.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Await } from '../components/status.tsx';
import { type SummitView, summitQuery } from '../features/summits/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { href } from '../lib/routes.ts';

export function SummitLayout({
  slug,
  children,
}: {
  slug: string;
  children: (summit: SummitView) => ReactNode;
}) {
  const { t } = useI18n();
  const summit = useQuery(summitQuery(slug));
  return (
    <Await query={summit}>
      {(s) => (
        <>
          <nav aria-label={s.name} className="breadcrumbs">
            <Link href={href('summits')}>{t('summit.allSummits')}</Link> ›{' '}
            <Link href={href('summit', { slug: s.slug })}>{s.name}</Link>
            <span className="breadcrumb-tools">
              <Link href={href('directory', { slug: s.slug })}>{t('directory.link')}</Link>
            </span>
          </nav>
          {children(s)}
        </>
      )}
    </Await>
  );
}
