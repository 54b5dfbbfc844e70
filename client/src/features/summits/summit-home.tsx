import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import { SupportLinks } from '../../components/support-links.tsx';
import { MarketLinks } from '../marketplace/market-links.tsx';
import { ProposalLinks } from '../proposals/proposal-links.tsx';
import type { SummitView } from './api.ts';
import { ProgrammeDownloads } from './programme-downloads.tsx';
import { ProgrammeState } from './programme-state.tsx';

export function SummitHome({ summit }: { summit: SummitView }) {
  const { t, dateLocale } = useI18n();
  const me = useMe();
  const slug = summit.slug;
  return (
    <>
      <h1>{summit.name}</h1>
      <dl className="facts">
        {summit.theme && (
          <>
            <dt>{t('summit.theme')}</dt>
            <dd>{summit.theme}</dd>
          </>
        )}
        {summit.venue && (
          <>
            <dt>{t('summit.venue')}</dt>
            <dd>{summit.venue}</dd>
          </>
        )}
        <dt>{t('summit.timeZone')}</dt>
        <dd>{summit.timeZone}</dd>
      </dl>
      <p>
        {t('summit.dates', {
          start: formatDate(summit.startDate, dateLocale),
          end: formatDate(summit.endDate, dateLocale),
        })}
      </p>
      <ProgrammeState summit={summit} />
      <p>
        <Link href={href('directory', { slug })}>{t('directory.title')}</Link>
      </p>
      <h2>{t('summit.days')}</h2>
      <ul className="summit-days">
        {summit.days.map((d) => (
          <li key={d}>
            <Link href={href('programme', { slug, day: d })}>{formatDate(d, dateLocale)}</Link>
          </li>
        ))}
      </ul>
      <ProgrammeDownloads slug={slug} />
      {me && me.kind !== 'anonymous' && <ProposalLinks slug={slug} />}
      {me && me.kind !== 'anonymous' && <MarketLinks slug={slug} />}
      {isSupportUnit(me, summit.slug) && (
        <nav aria-label={t('summitRole.support_unit')}>
          <h2>{t('summitRole.support_unit')}</h2>
          <ul>
            <SupportLinks slug={slug} />
          </ul>
        </nav>
      )}
    </>
  );
}
