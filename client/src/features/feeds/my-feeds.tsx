// My page's calendar feeds: each with what it shows, when it was last read, and a way to revoke it.
import { useQuery } from '@tanstack/react-query';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { feedsQuery, useRevokeFeed } from './api.ts';

export function MyFeeds() {
  const { t } = useI18n();
  const feeds = useQuery(feedsQuery);
  const revoke = useRevokeFeed();
  return (
    <section aria-labelledby="my-feeds">
      <h2 id="my-feeds">{t('feeds.mine')}</h2>
      <Await query={feeds}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('feeds.none')}</p>
          ) : (
            <ul>
              {list.map((f) => (
                <li key={f.id}>
                  {t('feeds.one', { summit: f.summit.name, name: f.name })}{' '}
                  {f.lastUsedAt
                    ? t('feeds.read', { when: f.lastUsedAt.slice(0, 16).replace('T', ' ') })
                    : t('feeds.unread')}{' '}
                  <button
                    type="button"
                    className="secondary"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(f.id)}
                  >
                    {t('feeds.revoke', { name: f.name })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      <ErrorAlert error={revoke.error} />
    </section>
  );
}
