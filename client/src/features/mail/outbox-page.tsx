import { useQuery } from '@tanstack/react-query';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { outboxQuery, useResend } from './api.ts';
import { SignInLinks } from './sign-in-links.tsx';

export function OutboxPage({ slug }: { slug: string | null }) {
  const { t, dateLocale } = useI18n();
  const outbox = useQuery(outboxQuery(slug));
  const resend = useResend();
  const when = new Intl.DateTimeFormat(dateLocale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  });
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <Await query={outbox}>
        {({ delivers, messages, signInLinks }) => (
          <>
            <p>{delivers ? t('outbox.delivers') : t('outbox.held')}</p>
            {signInLinks && <SignInLinks links={signInLinks} />}
            {messages.length === 0 && <p>{t('outbox.empty')}</p>}
            <ol className="outbox">
              {messages.map((m) => (
                <li key={m.id} className="outbox-message">
                  <h2>{m.subject}</h2>
                  <dl className="facts">
                    <dt>{t('outbox.recipient')}</dt>
                    <dd>{m.recipient}</dd>
                    <dt>{t('outbox.status')}</dt>
                    <dd>{t(`outbox.status.${m.status}`)}</dd>
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
                    <button type="button" onClick={() => resend.mutate(m.id)} disabled={resend.isPending}>
                      {t('outbox.resend')}
                    </button>
                  )}
                  {resend.variables === m.id && <ErrorAlert error={resend.error} />}
                </li>
              ))}
            </ol>
          </>
        )}
      </Await>
    </>
  );
}
