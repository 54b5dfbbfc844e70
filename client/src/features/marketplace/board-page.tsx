// The needs board: the owners' needs with filters kept in the URL, the providers' offers, and the
// forms to post a need or publish an offer for those who may.
import { useQuery } from '@tanstack/react-query';
import { ASSISTANCE, GCM_OBJECTIVES } from '../../../../shared/domain/marketplace.ts';
import { Await } from '../../components/status.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href, type ParsedSearch } from '../../lib/routes.ts';
import { type NeedView, needsQuery, offersQuery } from './api.ts';
import { type Market, MarketFrame, MarketNav } from './frame.tsx';
import { NeedForm, OfferForm } from './post-forms.tsx';

type BoardSearch = ParsedSearch<'marketplace'>;
const OBJECTIVES = Array.from({ length: GCM_OBJECTIVES }, (_, i) => i + 1);

export function BoardPage({ slug, search }: { slug: string; search: BoardSearch }) {
  const { t } = useI18n();
  return (
    <MarketFrame slug={slug}>
      {(m) => (
        <>
          <h1>{t('market.title')}</h1>
          <p>{t('market.intro')}</p>
          <MarketNav m={m} />
          {m.settings.you.visitor && <p>{t('market.visitor')}</p>}
          <section aria-labelledby="needs">
            <h2 id="needs">{t('market.needs')}</h2>
            <Filters m={m} search={search} />
            <Needs m={m} search={search} />
            {m.settings.you.may.postNeeds && <NeedForm m={m} />}
          </section>
          <Offers m={m} />
        </>
      )}
    </MarketFrame>
  );
}

function Filters({ m, search }: { m: Market; search: BoardSearch }) {
  const { t } = useI18n();
  const slug = m.summit.slug;
  const set = (name: keyof BoardSearch, value: string) =>
    navigate(href('marketplace', { slug }, { ...search, [name]: value || undefined }));
  const select = (name: 'objective' | 'assistance' | 'owner', label: string, options: [string, string][]) => (
    <FilterSelect
      id={`needs-${name}`}
      label={label}
      value={search[name] ?? ''}
      options={options}
      onChange={(v) => set(name, v)}
    />
  );
  const owners = useQuery(needsQuery(slug, {}));
  const ownerOptions = new Map(owners.data?.map((n) => [n.owner.key, n.owner.name]));
  return (
    <form className="desk-filters" aria-label={t('market.filters')} onSubmit={(e) => e.preventDefault()}>
      {select(
        'objective',
        t('market.objective'),
        OBJECTIVES.map((n) => [String(n), t('market.objectiveN', { n })]),
      )}
      {select(
        'assistance',
        t('market.assistance'),
        ASSISTANCE.map((a) => [a, t(`market.assistance.${a}`)]),
      )}
      {select(
        'owner',
        t('market.owner'),
        [...ownerOptions].sort((a, b) => a[1].localeCompare(b[1])),
      )}
      <span className="filter">
        <label htmlFor="needs-q">{t('market.search')}</label>{' '}
        <input
          id="needs-q"
          type="search"
          defaultValue={search.q ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value)}
          onBlur={(e) => e.currentTarget.value !== (search.q ?? '') && set('q', e.currentTarget.value)}
        />
      </span>
      {(search.objective || search.assistance || search.owner || search.q) && (
        <Link href={href('marketplace', { slug })}>{t('market.clear')}</Link>
      )}
    </form>
  );
}

function Needs({ m, search }: { m: Market; search: BoardSearch }) {
  const { t } = useI18n();
  const needs = useQuery(needsQuery(m.summit.slug, search));
  return (
    <Await query={needs}>
      {(list) =>
        list.length === 0 ? (
          <p>{t('market.noNeeds')}</p>
        ) : (
          <>
            <p role="status">{t('market.needsCount', { count: list.length })}</p>
            <ul className="card-list">
              {list.map((n) => (
                <li key={n.key}>
                  <h3>
                    <Link href={href('need', { slug: m.summit.slug, key: n.key })}>{n.title}</Link>
                  </h3>
                  <NeedFacts need={n} />
                </li>
              ))}
            </ul>
          </>
        )
      }
    </Await>
  );
}

/** Who owns a need and what it asks for, in words. */
export function NeedFacts({ need }: { need: NeedView }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('market.owner')}</dt>
      <dd>{need.owner.name}</dd>
      {need.objectives.length > 0 && (
        <>
          <dt>{t('market.objectives')}</dt>
          <dd>{need.objectives.join(', ')}</dd>
        </>
      )}
      {need.assistance.length > 0 && (
        <>
          <dt>{t('market.assistance')}</dt>
          <dd>{need.assistance.map((a) => t(`market.assistance.${a}`)).join(', ')}</dd>
        </>
      )}
      <dt>{t('market.needConsultations')}</dt>
      <dd>{need.consultations}</dd>
    </dl>
  );
}

function Offers({ m }: { m: Market }) {
  const { t } = useI18n();
  const offers = useQuery(offersQuery(m.summit.slug));
  return (
    <section aria-labelledby="offers">
      <h2 id="offers">{t('market.offers')}</h2>
      <Await query={offers}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('market.noOffers')}</p>
          ) : (
            <ul className="card-list">
              {list.map((o) => (
                <li key={o.id}>
                  <h3>{o.title}</h3>
                  <p>
                    {t('market.provider')}: {o.provider.name}
                    {o.objectives.length > 0 && ` · ${t('market.objectives')}: ${o.objectives.join(', ')}`}
                    {o.assistance.length > 0 &&
                      ` · ${o.assistance.map((a) => t(`market.assistance.${a}`)).join(', ')}`}
                  </p>
                  {o.description && <p>{o.description}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      {m.settings.you.may.publishOffers && <OfferForm m={m} />}
    </section>
  );
}
