import { useQuery } from '@tanstack/react-query';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { SummitView } from '../summits/api.ts';
import { listQuery } from '../programme/api.ts';
import { grantsQuery, useTakeBack } from './api.ts';
import { GrantForm } from './grant-form.tsx';

export function RolesPage({ summit }: { summit: SummitView }) {
  const { t } = useI18n();
  const grants = useQuery(grantsQuery(summit.slug));
  const takeBack = useTakeBack(summit.slug);
  // Delegations by name, as people know them (the grant names its delegation by key).
  const delegations = useQuery(listQuery(summit.slug, 'delegations'));
  const delegationName = new Map(delegations.data?.map((d) => [d.key, d.name]));
  return (
    <>
      <h1>{t('roles.title')}</h1>
      <GrantForm slug={summit.slug} />
      <Await query={grants}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('roles.none')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('roles.email')}</th>
                  <th scope="col">{t('roles.role')}</th>
                  <th scope="col">{t('roles.delegation')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('roles.remove')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((g) => (
                  <tr key={g.id}>
                    <td>{g.email}</td>
                    <td>{t(`summitRole.${g.role}`)}</td>
                    <td>{g.delegation ? (delegationName.get(g.delegation) ?? '') : ''}</td>
                    <td>
                      <button
                        type="button"
                        onClick={() => takeBack.mutate(g.id)}
                        disabled={takeBack.isPending}
                        aria-label={`${t('roles.remove')}: ${g.email}`}
                      >
                        {t('roles.remove')}
                      </button>
                      {takeBack.variables === g.id && <ErrorAlert error={takeBack.error} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Await>
    </>
  );
}
