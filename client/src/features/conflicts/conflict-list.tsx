import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useConflictWords } from './use-conflict-words.ts';

type Props = {
  slug: string;
  conflicts: readonly Conflict[];
  /** Sessions as the check saw them (a move or an edit not saved yet). */
  instead?: readonly Session[];
  empty?: string;
};

/** A session's conflicts in plain words, or `empty` (by default: in no conflict). */
export function ConflictList({ slug, conflicts, instead, empty }: Props) {
  const { t } = useI18n();
  const say = useConflictWords(slug);
  if (conflicts.length === 0) return <p>{empty ?? t('planning.clear')}</p>;
  return (
    <ul>
      {conflicts.map((c) => (
        <li
          key={`${c.code}${c.sessions.join()}${c.person ?? c.delegation ?? c.room}`}
          className={`conflict-${c.severity}`}
        >
          {say(c, instead)}
        </li>
      ))}
    </ul>
  );
}
