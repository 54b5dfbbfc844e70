// On a summit's home, for those the Marketplace answers (its participants, visitors and the support
// unit; anyone else gets 404, and no link): where to find needs, consultations and the report.
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { type MarketplaceSettings, settingsQuery } from './api.ts';

export function MarketLinks({ slug }: { slug: string }) {
  const { t } = useI18n();
  const settings = useQuery({ ...settingsQuery(slug), retry: false });
  if (!settings.data || settings.data.tables.length === 0) return null;
  return (
    <nav aria-labelledby="marketplace">
      <h2 id="marketplace">{t('market.title')}</h2>
      <MarketLinkItems slug={slug} settings={settings.data} />
    </nav>
  );
}

/** The Marketplace's pages as a list (a summit's home, and the top of each Marketplace page). */
export function MarketLinkItems({ slug, settings }: { slug: string; settings: MarketplaceSettings }) {
  const { t } = useI18n();
  return (
    <ul className="inline-list">
      <li>
        <Link href={href('marketplace', { slug })}>{t('market.needs')}</Link>
      </li>
      <li>
        <Link href={href('consultations', { slug })}>
          {t(settings.you.delegations.length ? 'market.consultations' : 'market.allConsultations')}
        </Link>
      </li>
      {settings.you.may.manage && (
        <li>
          <Link href={href('marketTables', { slug })}>{t('market.tables')}</Link>
        </li>
      )}
      <li>
        <Link href={href('marketReport', { slug })}>{t('market.report')}</Link>
      </li>
    </ul>
  );
}
