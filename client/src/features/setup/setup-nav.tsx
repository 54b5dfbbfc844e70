// The set-up pages, each a link, the one shown marked as current.
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { SETUP_LISTS, type SetupList } from './api.ts';

export function SetupNav({ slug, current }: { slug: string; current: SetupList | 'summit' }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('edit.nav')} className="day-tabs">
      <ul>
        <li>
          <Link href={href('setup', { slug })} aria-current={current === 'summit' ? 'page' : undefined}>
            {t('edit.summit')}
          </Link>
        </li>
        {SETUP_LISTS.map((list) => (
          <li key={list}>
            <Link
              href={href('setupList', { slug, list })}
              aria-current={current === list ? 'page' : undefined}
            >
              {t(`edit.list.${list}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
