// "Subscribe in your calendar app": makes a private feed of a delegation's or a person's sessions and
// shows its address once (a webcal:// link calendar apps open, and the address to copy).
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useMakeFeed } from './api.ts';

export function Subscribe({
  slug,
  what,
}: {
  slug: string;
  what: { delegation: string } | { person: string };
}) {
  const { t } = useI18n();
  const make = useMakeFeed(slug);
  const id = `feed-${'delegation' in what ? what.delegation : what.person}`;
  return (
    <section aria-labelledby={id} className="subscribe">
      <h2 id={id}>{t('feeds.title')}</h2>
      {make.data ? (
        <>
          <p>
            <a href={make.data.webcal}>{t('feeds.open')}</a>
          </p>
          <label htmlFor={`${id}-address`}>{t('feeds.address')}</label>
          <input
            id={`${id}-address`}
            readOnly
            value={make.data.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p>{t('feeds.private')}</p>
        </>
      ) : (
        <>
          <p>{t('feeds.intro')}</p>
          <button type="button" disabled={make.isPending} onClick={() => make.mutate(what)}>
            {t('feeds.make')}
          </button>
        </>
      )}
      <ErrorAlert error={make.error} />
    </section>
  );
}
