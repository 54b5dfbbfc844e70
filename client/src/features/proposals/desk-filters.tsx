// The review desk's filters, kept in the URL: changing one goes to the first page of the new view.
import { PROPOSAL_VIEW_STATUSES } from '../../../../shared/domain/proposals.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href, type ParsedSearch } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import type { ProposalCall } from './api.ts';
import { STATUS_NAMES } from './proposal-facts.tsx';

export type DeskSearch = ParsedSearch<'desk'>;

export function DeskFilters({ call, search }: { call: ProposalCall; search: DeskSearch }) {
  const { t, dateLocale } = useI18n();
  const slug = call.summit.slug;
  const set = (name: keyof DeskSearch, value: string) =>
    navigate(href('desk', { slug }, { ...search, [name]: value || undefined, before: undefined }));
  const select = (
    name: 'status' | 'format' | 'day' | 'organiser',
    label: string,
    options: [string, string][],
  ) => (
    <FilterSelect
      id={`desk-${name}`}
      label={label}
      value={search[name] ?? ''}
      options={options}
      onChange={(v) => set(name, v)}
    />
  );
  const filtered = search.status || search.format || search.day || search.organiser;
  return (
    <form className="desk-filters" aria-label={t('desk.filters')} onSubmit={(e) => e.preventDefault()}>
      {select(
        'status',
        t('proposal.status'),
        PROPOSAL_VIEW_STATUSES.map((s) => [s, t(STATUS_NAMES[s])]),
      )}
      {select(
        'format',
        t('proposal.format'),
        call.formats.map((f) => [f, t(`format.${f}`)]),
      )}
      {select(
        'day',
        t('desk.day'),
        call.summit.days.map((d) => [d, formatDate(d, dateLocale)]),
      )}
      {select(
        'organiser',
        t('desk.organiser'),
        [
          ...call.delegations.map((d): [string, string] => [d.key, d.name]),
          ...call.organisations.map((name): [string, string] => [name, name]),
        ].sort((a, b) => a[1].localeCompare(b[1])),
      )}
      {filtered && <Link href={href('desk', { slug })}>{t('desk.clear')}</Link>}
    </form>
  );
}
