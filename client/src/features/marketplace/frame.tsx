// What every Marketplace page starts from: the summit, the Marketplace's settings (which also say
// what the caller may do, and answer "not found" to anyone outside it), the delegations' names and
// the summit's clock. The slot times the API gives in UTC are shown in the summit's zone.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SummitLayout } from '../../app/summit-layout.tsx';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayZone, formatDate, formatMinutes } from '../../lib/zone.ts';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';
import { type MarketplaceSettings, settingsQuery } from './api.ts';
import { MarketLinkItems } from './market-links.tsx';

export type Market = {
  summit: SummitView;
  settings: MarketplaceSettings;
  /** A delegation's name by its key (the key itself if the list is not readable). */
  name(key: string): string;
  /** Every delegation of the summit, by name: those the support unit may act for. */
  delegations: { key: string; name: string }[];
  /** "Friday 7 December 2018, 10:00–10:30", in the summit's zone. */
  when(start: string, end: string): string;
  /** "Friday 7 December 2018, 10:00", in the summit's zone. */
  at(instant: string): string;
};

export function MarketFrame({ slug, children }: { slug: string; children: (m: Market) => ReactNode }) {
  return <SummitLayout slug={slug}>{(summit) => <Loaded summit={summit}>{children}</Loaded>}</SummitLayout>;
}

function Loaded({ summit, children }: { summit: SummitView; children: (m: Market) => ReactNode }) {
  const { dateLocale } = useI18n();
  const settings = useQuery(settingsQuery(summit.slug));
  const delegations = useQuery(listQuery(summit.slug, 'delegations'));
  const names = new Map(delegations.data?.map((d) => [d.key, d.name]));
  const zone = displayZone('summit', summit);
  const at = (instant: string) => {
    const a = zone.wall(Date.parse(instant));
    return `${formatDate(a.date, dateLocale)}, ${formatMinutes(a.minutes)}`;
  };
  const when = (start: string, end: string) =>
    `${at(start)}–${formatMinutes(zone.wall(Date.parse(end)).minutes)}`;
  return (
    <Await query={settings}>
      {(s) =>
        children({
          summit,
          settings: s,
          name: (key) => names.get(key) ?? key,
          delegations: [...names]
            .map(([key, name]) => ({ key, name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          when,
          at,
        })
      }
    </Await>
  );
}

/** The Marketplace's own links, on each of its pages. */
export function MarketNav({ m }: { m: Market }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('market.title')}>
      <MarketLinkItems slug={m.summit.slug} settings={m.settings} />
    </nav>
  );
}

/** Who acts, when the caller may act for several delegations: a choice; for one, nothing to choose. */
export function ActingFor({
  choices,
  value,
  onChange,
}: {
  choices: readonly { key: string; name: string }[];
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useI18n();
  if (choices.length < 2) return null;
  return (
    <p>
      <label htmlFor="acting-for">{t('market.actingFor')}</label>{' '}
      <select id="acting-for" value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map((d) => (
          <option key={d.key} value={d.key}>
            {d.name}
          </option>
        ))}
      </select>
    </p>
  );
}
