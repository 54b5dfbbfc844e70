import { useState, type FormEvent } from 'react';
import { send } from '../../lib/api.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { navigate } from '../../lib/router.tsx';

export function SignInPage({ search }: { search: URLSearchParams }) {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [token, setToken] = useState('');
  const [status, setStatus] = useState<{ kind: 'sent' | 'error'; text: string } | null>(null);
  const askForLink = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('POST', '/api/auth/link', { email, next: search.get('next') ?? undefined });
      setStatus({ kind: 'sent', text: t('signIn.sent') });
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    }
  };
  const useToken = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('POST', '/api/auth/token', { token });
      await refresh();
      navigate('/me');
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    }
  };
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={askForLink} className="stack-form">
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit">{t('signIn.send')}</button>
      </form>
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p>}
      <details className="token-sign-in">
        <summary>{t('signIn.tokenTitle')}</summary>
        <form onSubmit={useToken} className="stack-form">
          <label htmlFor="sign-in-token">{t('signIn.token')}</label>
          <input
            id="sign-in-token"
            type="password"
            required
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <button type="submit">{t('signIn.tokenSubmit')}</button>
        </form>
      </details>
    </>
  );
}
