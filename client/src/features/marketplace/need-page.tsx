// One need: what it asks for, the slots a provider may book on it (and why the others are not
// offered), the providers whose offers match (for its owner), and its consultations.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { needQuery, suggestionsQuery } from './api.ts';
import { NeedFacts } from './board-page.tsx';
import { ConsultationList } from './consultation-list.tsx';
import { ActingFor, type Market, MarketFrame, MarketNav } from './frame.tsx';
import { SlotPicker } from './slot-picker.tsx';

export function NeedPage({ slug, needKey }: { slug: string; needKey: string }) {
  return <MarketFrame slug={slug}>{(m) => <Need m={m} needKey={needKey} />}</MarketFrame>;
}

function Need({ m, needKey }: { m: Market; needKey: string }) {
  const { t } = useI18n();
  const need = useQuery(needQuery(m.summit.slug, needKey));
  return (
    <Await query={need}>
      {(n) => {
        const ours = m.settings.you.delegations.some((d) => d.key === n.owner.key);
        // The support unit books on a provider's behalf (a request that came by telephone or e-mail).
        const actors = m.settings.you.may.manage ? m.delegations : m.settings.you.delegations;
        const providers = actors.filter((d) => d.key !== n.owner.key);
        return (
          <>
            <h1>{n.title}</h1>
            <MarketNav m={m} />
            <NeedFacts need={n} />
            {n.description && <p className="prose">{n.description}</p>}
            {n.sdgTargets.length > 0 && (
              <p>
                {t('market.sdgTargets')}: {n.sdgTargets.join(', ')}
              </p>
            )}
            {ours && <p>{t('market.ownNeed')}</p>}
            {ours && <Suggested m={m} needKey={n.key} />}
            {m.settings.you.may.requestConsultations && providers.length > 0 && (
              <Booking m={m} needKey={n.key} owner={n.owner.name} providers={providers} />
            )}
            <section aria-labelledby="need-consultations">
              <h2 id="need-consultations">{t('market.allConsultations')}</h2>
              <ConsultationList m={m} need={n.key} />
            </section>
          </>
        );
      }}
    </Await>
  );
}

function Booking({
  m,
  needKey,
  owner,
  providers,
}: {
  m: Market;
  needKey: string;
  owner: string;
  providers: { key: string; name: string }[];
}) {
  const { t } = useI18n();
  const [chosen, setAs] = useState('');
  const as = chosen || providers[0]!.key;
  return (
    <section aria-labelledby="book">
      <h2 id="book">{t('market.slots')}</h2>
      <ActingFor choices={providers} value={as} onChange={setAs} />
      <SlotPicker
        m={m}
        needKey={needKey}
        owner={owner}
        as={providers.length > 1 || m.settings.you.may.manage ? as : undefined}
      />
    </section>
  );
}

function Suggested({ m, needKey }: { m: Market; needKey: string }) {
  const { t } = useI18n();
  const suggestions = useQuery(suggestionsQuery(m.summit.slug, needKey));
  return (
    <section aria-labelledby="suggested">
      <h2 id="suggested">{t('market.suggestions')}</h2>
      <Await query={suggestions}>
        {(s) =>
          s.providers.length === 0 ? (
            <p>{t('market.noSuggestions')}</p>
          ) : (
            <ul>
              {s.providers.map((p) => (
                <li key={p.key}>
                  {t('market.suggestion', { name: p.name, overlap: p.overlap, slots: p.bookableSlots })}
                </li>
              ))}
            </ul>
          )
        }
      </Await>
    </section>
  );
}
