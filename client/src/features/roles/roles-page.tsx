import { useState, type FormEvent } from 'react';
import { Await } from '../../components/status.tsx';
import { send, useApi, type SummitView } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';

type Grant = { id: number; email: string; role: string; delegation: string | null };
const ROLES = ['support_unit', 'focal_point', 'delegate', 'visitor'] as const;

export function RolesPage({ summit }: { summit: SummitView }) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const grants = useApi<Grant[]>(`/api/summits/${summit.slug}/roles`, version);
  const delegations = useApi<{ key: string; name: string }[]>(`/api/summits/${summit.slug}/delegations`);
  const [form, setForm] = useState({
    email: '',
    role: 'delegate' as (typeof ROLES)[number],
    delegation: '',
    invite: true,
  });
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const needsDelegation = form.role === 'focal_point' || form.role === 'delegate';
  const give = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('POST', `/api/summits/${summit.slug}/roles`, {
        email: form.email,
        role: form.role,
        invite: form.invite,
        ...(needsDelegation && { delegation: form.delegation }),
      });
      setStatus({ kind: 'ok', text: t('form.done') });
      setForm({ ...form, email: '' });
      setVersion((v) => v + 1);
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    }
  };
  const takeBack = async (id: number) => {
    await send('DELETE', `/api/summits/${summit.slug}/roles/${id}`);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1>{t('roles.title')}</h1>
      <form onSubmit={give} className="stack-form">
        <label htmlFor="grant-email">{t('roles.email')}</label>
        <input
          id="grant-email"
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <label htmlFor="grant-role">{t('roles.role')}</label>
        <select
          id="grant-role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as (typeof ROLES)[number] })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`summitRole.${r}` as MessageKey)}
            </option>
          ))}
        </select>
        {needsDelegation && (
          <>
            <label htmlFor="grant-delegation">{t('roles.delegation')}</label>
            <Await loaded={delegations}>
              {(list) => (
                <select
                  id="grant-delegation"
                  required
                  value={form.delegation}
                  onChange={(e) => setForm({ ...form, delegation: e.target.value })}
                >
                  <option value="" />
                  {list.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Await>
          </>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={form.invite}
            onChange={(e) => setForm({ ...form, invite: e.target.checked })}
          />{' '}
          {t('roles.invite')}
        </label>
        <button type="submit">{t('roles.add')}</button>
      </form>
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p>}
      <Await loaded={grants}>
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
                    <td>{t(`summitRole.${g.role}` as MessageKey)}</td>
                    <td>{g.delegation ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        onClick={() => takeBack(g.id)}
                        aria-label={`${t('roles.remove')}: ${g.email}`}
                      >
                        {t('roles.remove')}
                      </button>
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
