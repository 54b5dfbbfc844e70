import { useState, type FormEvent } from 'react';
import { Await } from '../../components/status.tsx';
import { send, useApi } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';

type Token = {
  id: number;
  name: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function ApiTokens() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const tokens = useApi<Token[]>('/api/tokens', version);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setCreated((await send<{ token: string }>('POST', '/api/tokens', { name })).token);
      setName('');
      setVersion((v) => v + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const revoke = async (id: number) => {
    await send('DELETE', `/api/tokens/${id}`);
    setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="api-tokens">
      <h2 id="api-tokens">{t('tokens.title')}</h2>
      <p>{t('tokens.intro')}</p>
      <form onSubmit={create} className="stack-form">
        <label htmlFor="token-name">{t('tokens.name')}</label>
        <input
          id="token-name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">{t('tokens.create')}</button>
      </form>
      {created && (
        <p role="status">
          {t('tokens.shownOnce')} <code className="secret">{created}</code>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <Await loaded={tokens}>
        {(list) => (
          <ul>
            {list
              .filter((tk) => !tk.revokedAt)
              .map((tk) => (
                <li key={tk.id}>
                  {tk.name} ({tk.createdBy}){' '}
                  <button type="button" onClick={() => revoke(tk.id)}>
                    {t('tokens.revoke', { name: tk.name })}
                  </button>
                </li>
              ))}
          </ul>
        )}
      </Await>
    </section>
  );
}
