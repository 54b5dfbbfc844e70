// Find anyone: the summit's delegations, people and rooms, as the caller may see them (the API
// leaves out the people they may not see; e-mail addresses are never shown here), with one search
// box over all three. Every delegation links to its agenda; every person to their delegation's.
import { useQuery } from '@tanstack/react-query';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';

/** Case and accents aside: "moldova" finds "Republic of Moldova", "genetzke" finds "Genetzke". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function DirectoryPage({ summit, q }: { summit: SummitView; q: string }) {
  const { t } = useI18n();
  const slug = summit.slug;
  const delegations = useQuery(listQuery(slug, 'delegations'));
  const people = useQuery(listQuery(slug, 'people'));
  const rooms = useQuery(listQuery(slug, 'rooms'));
  const words = fold(q).split(/\s+/).filter(Boolean);
  const matches = (...texts: (string | undefined | null)[]) => {
    const all = fold(texts.filter(Boolean).join(' '));
    return words.every((w) => all.includes(w));
  };
  const delegationName = new Map(delegations.data?.map((d) => [d.key, d.name]));
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <search className="stack-form">
        <label htmlFor="directory-q">{t('directory.search')}</label>
        <input
          id="directory-q"
          type="search"
          value={q}
          onChange={(e) =>
            navigate(href('directory', { slug }, { q: e.target.value || undefined }), { replace: true })
          }
        />
      </search>
      <section aria-labelledby="directory-delegations">
        <h2 id="directory-delegations">{t('directory.delegations')}</h2>
        <Await query={delegations}>
          {(all) => {
            const shown = all.filter((d) => matches(d.name));
            return shown.length === 0 ? (
              <p>{t('directory.none')}</p>
            ) : (
              <ul className="directory-list">
                {shown.map((d) => (
                  <li key={d.key}>
                    <Link href={href('agenda', { slug, key: d.key })}>{d.name}</Link>{' '}
                    <span className="muted">
                      {t(`delegationKind.${d.kind}`)}, {t('directory.size', { count: d.size })}
                    </span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Await>
      </section>
      <section aria-labelledby="directory-people">
        <h2 id="directory-people">{t('directory.people')}</h2>
        <Await query={people}>
          {(all) => {
            const shown = all.filter((p) =>
              matches(p.name, p.title, p.delegation ? delegationName.get(p.delegation) : null),
            );
            return shown.length === 0 ? (
              <p>{t('directory.none')}</p>
            ) : (
              <ul className="directory-list">
                {shown.map((p) => (
                  <li key={p.key} id={`person-${p.key}`}>
                    <strong>{p.name}</strong>
                    {p.title && `, ${p.title}`}
                    {p.delegation && delegationName.has(p.delegation) && (
                      <>
                        {', '}
                        <Link href={href('agenda', { slug, key: p.delegation })}>
                          {delegationName.get(p.delegation)}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            );
          }}
        </Await>
      </section>
      <section aria-labelledby="directory-rooms">
        <h2 id="directory-rooms">{t('directory.rooms')}</h2>
        <Await query={rooms}>
          {(all) => {
            const shown = all.filter((r) => matches(r.name, r.building));
            return shown.length === 0 ? (
              <p>{t('directory.none')}</p>
            ) : (
              <ul className="directory-list">
                {shown.map((r) => (
                  <li key={r.key}>
                    <strong>{r.name}</strong>{' '}
                    <span className="muted">
                      {[r.building, t('directory.seats', { count: r.capacity })].filter(Boolean).join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            );
          }}
        </Await>
      </section>
    </>
  );
}
