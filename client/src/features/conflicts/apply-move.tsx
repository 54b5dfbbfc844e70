// "Move here": applies one of the moves the search proposed for a session (its page, an agenda).
import { useI18n } from '../../lib/i18n.tsx';
import type { useMove } from './api.ts';

export function ApplyMove({
  move,
  sessionKey,
  to,
}: {
  move: ReturnType<typeof useMove>;
  sessionKey: string;
  to: { room: string; start: string; end: string };
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      disabled={move.isPending}
      onClick={() => move.mutate({ key: sessionKey, room: to.room, start: to.start, end: to.end })}
    >
      {t('planning.apply')}
    </button>
  );
}
