import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** A session's conflicts in plain words, or `empty` (by default: in no conflict). */
export function ConflictList({ conflicts, empty }: { conflicts: readonly Conflict[]; empty?: string }) {
  const { t } = useI18n();
  if (conflicts.length === 0) return <p>{empty ?? t('planning.clear')}</p>;
  return (
    <ul>
      {conflicts.map((c) => (
        <li
          key={`${c.code}${c.sessions.join()}${c.person ?? c.delegation ?? c.room}`}
          className={`conflict-${c.severity}`}
        >
          {c.message}
        </li>
      ))}
    </ul>
  );
}
