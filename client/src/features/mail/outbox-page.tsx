import { useState } from 'react';
import { Await } from '../../components/status.tsx';
import { send, useApi } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';

type Message = {
  id: number;
  recipient: string;
  subject: string;
  status: 'held' | 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  bodyText: string;
};

export function OutboxPage({ slug }: { slug: string | null }) {
  const { t, dateLocale } = useI18n();
  const [version, setVersion] = useState(0);
  const loaded = useApi<{ delivers: boolean; messages: Message[] }>(
    slug ? `/api/summits/${slug}/outbox` : '/api/outbox',
    version,
  );
  const resend = async (id: number) => {
    await send('POST', `/api/outbox/${id}/resend`);
    setVersion((v) => v + 1);
  };
  const when = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <Await loaded={loaded}>
        {({ delivers, messages }) => (
          <>
            <p>{delivers ? t('outbox.delivers') : t('outbox.held')}</p>
            {messages.length === 0 && <p>{t('outbox.empty')}</p>}
            <ol className="outbox">
              {messages.map((m) => (
                <li key={m.id} className="outbox-message">
                  <h2>{m.subject}</h2>
                  <dl className="facts">
                    <dt>{t('outbox.recipient')}</dt>
                    <dd>{m.recipient}</dd>
                    <dt>{t('outbox.status')}</dt>
                    <dd>{t(`outbox.status.${m.status}` as MessageKey)}</dd>
                    <dt>{t('outbox.attempts')}</dt>
                    <dd>{m.attempts}</dd>
                    <dt>{t('outbox.created')}</dt>
                    <dd>{when.format(new Date(m.createdAt))}</dd>
                  </dl>
                  {m.lastError && <p className="error-text">{t('outbox.error', { error: m.lastError })}</p>}
                  <details>
                    <summary>{t('outbox.body')}</summary>
                    <pre className="mail-body">{m.bodyText}</pre>
                  </details>
                  {m.status === 'failed' && delivers && (
                    <button type="button" onClick={() => resend(m.id)}>
                      {t('outbox.resend')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </Await>
    </>
  );
}
