// On a session's page, for the support unit: its conflicts, moves that clear them, and a form to
// move it by hand with a check before saving.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { SummitView } from '../summits/api.ts';
import { movesQuery, useMove } from './api.ts';
import { ConflictList } from './conflict-list.tsx';
import { conflictContext } from './conflict-words.ts';
import { moveWhyWriter } from './placement-words.ts';
import { MoveForm } from './move-form.tsx';
import { type Planning, usePlanning } from './use-planning.ts';
import { ApplyMove } from './apply-move.tsx';

export function SessionPlanning({ summit, sessionKey }: { summit: SummitView; sessionKey: string }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  if (!planning) return <p role="status">{t('app.loading')}</p>;
  const session = planning.programme.sessions.find((s) => s.key === sessionKey);
  if (!session) return null;
  return (
    <section aria-labelledby="planning" className="session-planning">
      <h2 id="planning">{t('planning.title')}</h2>
      <ConflictList
        slug={summit.slug}
        conflicts={planning.conflicts.filter((c) => c.sessions.includes(sessionKey))}
      />
      <SuggestedMoves summit={summit} sessionKey={sessionKey} planning={planning} />
      <h3>{t('planning.byHand')}</h3>
      <MoveForm summit={summit} session={session} planning={planning} />
    </section>
  );
}

function SuggestedMoves({
  summit,
  sessionKey,
  planning,
}: {
  summit: SummitView;
  sessionKey: string;
  planning: Planning;
}) {
  const { t, dateLocale } = useI18n();
  const moves = useQuery(movesQuery(summit.slug, sessionKey));
  const why = useMemo(
    () => moveWhyWriter(conflictContext(planning.programme, summit.offsets), t, dateLocale),
    [planning, summit.offsets, t, dateLocale],
  );
  const move = useMove(summit.slug);
  const roomName = (key: string) => planning.programme.rooms.find((r) => r.key === key)?.name ?? key;
  return (
    <Await query={moves}>
      {(m) =>
        m.moves.length === 0 ? (
          // Why no move is proposed, in the reader's words (only where there is a conflict a move could clear).
          m.conflicts.length > 0 &&
          (m.why || m.note) && <p className="moves-none">{m.why ? why(m.why) : m.note}</p>
        ) : (
          <>
            <h3>{t('planning.moves')}</h3>
            <ol>
              {m.moves.map((mv) => (
                <li key={`${mv.room}${mv.start}`}>
                  {t('planning.move', {
                    room: roomName(mv.room),
                    start: mv.start.slice(11, 16),
                    end: mv.end.slice(11, 16),
                    cost: Math.round(mv.cost),
                  })}{' '}
                  <ApplyMove move={move} sessionKey={sessionKey} to={mv} />
                </li>
              ))}
            </ol>
            <ErrorAlert error={move.error} />
          </>
        )
      }
    </Await>
  );
}
