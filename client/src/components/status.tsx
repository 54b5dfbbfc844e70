import type { ReactNode } from 'react';
import type { Loaded } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';

/** Renders a fetch's loading and error states, and its data once ready. */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <p role="alert">
        {loaded.error.message === 'not found'
          ? t('app.notFound')
          : t('app.error', { message: loaded.error.message })}
      </p>
    );
  }
  return <>{children(loaded.data)}</>;
}
