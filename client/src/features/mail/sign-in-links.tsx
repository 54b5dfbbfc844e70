// The sign-in links a summit's own people asked for, held while no mail server is configured: the
// support unit passes them on by hand (the server lists only addresses of this summit alone).
import { useState } from 'react';
import type { Outbox } from '../../../../shared/schemas/outbox.ts';
import { useI18n } from '../../lib/i18n.tsx';

type Links = NonNullable<Outbox['signInLinks']>;

export function SignInLinks({ links }: { links: Links }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<number | null>(null);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="sign-in-links" className="sign-in-links">
      <h2 id="sign-in-links">{t('outbox.signInLinks')}</h2>
      <p>{t('outbox.signInLinksIntro')}</p>
      <ul>
        {links.map((l) => (
          <li key={l.id}>
            <label htmlFor={`sign-in-link-${l.id}`}>
              {t('outbox.signInLinkFor', { recipient: l.recipient })}
            </label>
            <div className="inline">
              <input id={`sign-in-link-${l.id}`} readOnly value={l.link} onFocus={(e) => e.target.select()} />
              <button
                type="button"
                onClick={() => navigator.clipboard.writeText(l.link).then(() => setCopied(l.id))}
              >
                {t('outbox.copy', { recipient: l.recipient })}
              </button>
              {copied === l.id && <span role="status">{t('outbox.copied')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
