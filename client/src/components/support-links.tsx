// The support unit's pages of a summit, as list items (My page and the summit's home list them).
import { useI18n } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';
import { href } from '../lib/routes.ts';

export function SupportLinks({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <>
      <li>
        <Link href={href('setup', { slug })}>{t('edit.setup')}</Link>
      </li>
      <li>
        <Link href={href('plan', { slug })}>{t('plan.link')}</Link>
      </li>
      <li>
        <Link href={href('desk', { slug })}>{t('desk.title')}</Link>
      </li>
      <li>
        <Link href={href('outbox', { slug })}>{t('support.outbox')}</Link>
      </li>
      <li>
        <Link href={href('roles', { slug })}>{t('support.roles')}</Link>
      </li>
      <li>
        <Link href={href('audit', { slug })}>{t('support.audit')}</Link>
      </li>
    </>
  );
}
