// "My consultations": those of the caller's delegations (the support unit and visitors: all).
import { useI18n } from '../../lib/i18n.tsx';
import { ConsultationList } from './consultation-list.tsx';
import { MarketFrame, MarketNav } from './frame.tsx';

export function ConsultationsPage({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <MarketFrame slug={slug}>
      {(m) => (
        <>
          <h1>{t(m.settings.you.delegations.length ? 'market.consultations' : 'market.allConsultations')}</h1>
          <MarketNav m={m} />
          <ConsultationList m={m} level={2} />
        </>
      )}
    </MarketFrame>
  );
}
