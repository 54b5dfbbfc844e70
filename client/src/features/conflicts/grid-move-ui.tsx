// What a move on the grid shows outside the grid: the question before a move that creates hard
// conflicts (a modal dialog: Confirm or Cancel, Escape cancels), and, for a while after a move, the
// Undo button in a fixed bar that never pushes the page.
import { useEffect, useRef, useState } from 'react';
import type { RoomItem } from '../../../../shared/schemas/summit-file.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { DisplayZone } from '../../lib/zone.ts';
import type { GridMoves, Place } from './use-grid-moves.ts';
import { useConflictWords } from './use-conflict-words.ts';

type Props = { slug: string; moves: GridMoves; rooms: readonly RoomItem[]; zone: DisplayZone };

export function GridMoveUi({ slug, moves, rooms, zone }: Props) {
  const { t } = useI18n();
  const where = (p: Place) =>
    t('moves.where', {
      room: rooms.find((r) => r.key === p.room)?.name ?? t('programme.noRoom'),
      start: zone.wall(p.start).time,
      end: zone.wall(p.end).time,
    });
  const { done } = moves;
  return (
    <>
      <MoveDialog slug={slug} moves={moves} where={where} />
      <div className="undo-bar" role="status">
        {done && (
          <>
            {t('moves.moved', { title: done.session.title, where: where(done.to) })}{' '}
            <button
              type="button"
              aria-label={t('moves.undoHint', { title: done.session.title })}
              onClick={() => void moves.undo()}
              disabled={moves.busy}
            >
              {t('moves.undo')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

type DialogProps = { slug: string; moves: GridMoves; where: (p: Place) => string };

function MoveDialog({ slug, moves, where }: DialogProps) {
  const { t } = useI18n();
  const say = useConflictWords(slug);
  const dialog = useRef<HTMLDialogElement>(null);
  const { pending } = moves;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (pending && !el.open) {
      setReason('');
      setMissing(false);
      el.showModal();
    } else if (!pending && el.open) el.close();
  }, [pending]);
  const published = pending?.session.status === 'published';
  const confirm = () => {
    if (!pending) return;
    if (published && !reason.trim()) {
      setMissing(true);
      return;
    }
    pending.confirm(reason.trim());
  };
  return (
    <dialog
      ref={dialog}
      className="move-dialog"
      aria-labelledby="move-dialog-title"
      // Escape closes a modal dialog: that is Cancel.
      onCancel={(e) => {
        e.preventDefault();
        pending?.cancel();
      }}
    >
      {pending && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <h2 id="move-dialog-title">
            {t(pending.undo ? 'moves.undoTitle' : 'moves.confirmTitle', {
              title: pending.session.title,
              where: where(pending.to),
            })}
          </h2>
          <p>{t(pending.conflicts.length === 1 ? 'moves.createsOne' : 'moves.creates')}</p>
          <ul>
            {pending.conflicts.map((c) => (
              <li
                key={`${c.code}-${c.sessions.join()}-${c.room ?? c.person ?? c.delegation ?? ''}`}
                className="preview-hard"
              >
                {say(c, [{ ...pending.session, ...pending.to }])}
              </li>
            ))}
          </ul>
          {published && (
            <>
              <p>{t('moves.published')}</p>
              <Field
                id="move-reason"
                label={t('moves.reason')}
                error={missing ? { message: t('moves.reasonRequired') } : undefined}
              >
                {(control) => (
                  <input
                    {...control}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    maxLength={1000}
                  />
                )}
              </Field>
            </>
          )}
          <div className="button-row">
            <button type="submit">{t('moves.confirm')}</button>
            <button type="button" onClick={() => pending.cancel()}>
              {t('moves.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
