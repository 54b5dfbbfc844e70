// "My consultations": those of the caller's delegations (the support unit and visitors: all); and
// one consultation on its own page, where the e-mails about it link.
import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { consultationQuery } from './api.ts';
import { Consultation, ConsultationList } from './consultation-list.tsx';
import { type Market, MarketFrame, MarketNav } from './frame.tsx';

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

export function ConsultationPage({ slug, id }: { slug: string; id: number }) {
  return <MarketFrame slug={slug}>{(m) => <One m={m} id={id} />}</MarketFrame>;
}

function One({ m, id }: { m: Market; id: number }) {
  const consultation = useQuery(consultationQuery(m.summit.slug, id));
  return (
    <Await query={consultation}>
      {(c) => (
        <>
          <Consultation m={m} c={c} level={1} />
          <MarketNav m={m} />
        </>
      )}
    </Await>
  );
}
