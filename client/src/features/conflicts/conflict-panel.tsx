// Every conflict in plain words, hard before soft, grouped by kind, each linking to its sessions.
import { CONFLICT_CODES, type Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';

export function ConflictPanel({ slug, conflicts }: { slug: string; conflicts: readonly Conflict[] }) {
  const { t } = useI18n();
  return (
    <section className="conflict-panel" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">
        {t('conflicts.title', {
          hard: conflicts.filter((c) => c.severity === 'hard').length,
          soft: conflicts.filter((c) => c.severity === 'soft').length,
        })}
      </h2>
      {conflicts.length === 0 && <p>{t('conflicts.none')}</p>}
      {(['hard', 'soft'] as const).map((severity) => {
        const mine = conflicts.filter((c) => c.severity === severity);
        if (mine.length === 0) return null;
        return (
          <section
            key={severity}
            aria-labelledby={`conflicts-${severity}`}
            className={`conflicts-${severity}`}
          >
            <h3 id={`conflicts-${severity}`}>{t(`conflicts.${severity}`)}</h3>
            {CONFLICT_CODES.filter((code) => mine.some((c) => c.code === code)).map((code) => (
              <details key={code} open={severity === 'hard'}>
                <summary>
                  {t(`conflict.${code}`)} ({mine.filter((c) => c.code === code).length})
                </summary>
                <ul>
                  {mine
                    .filter((c) => c.code === code)
                    .map((c) => (
                      <li key={`${c.code}|${c.sessions.join()}|${c.room ?? c.person ?? c.delegation ?? ''}`}>
                        {c.message}{' '}
                        <span className="conflict-links">
                          {c.sessions.map((key) => (
                            <Link key={key} href={href('session', { slug, key })}>
                              {t('conflicts.open', { key })}
                            </Link>
                          ))}
                        </span>
                      </li>
                    ))}
                </ul>
              </details>
            ))}
          </section>
        );
      })}
    </section>
  );
}
