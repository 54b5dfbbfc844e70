// Moving sessions on the grid safely: a move that would put the session in a new hard conflict
// waits for the support unit to confirm it (a published session's conflicts are then accepted by
// name, with the reason, as the server requires), and the last move can be undone, through the
// same API and the same confirmation, for a while after it.
import { useEffect, useRef, useState } from 'react';
import { conflictsAdded } from '../../../../shared/domain/conflict-refs.ts';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import { ApiError } from '../../lib/api.ts';
import { useMove } from './api.ts';
import type { Planning } from './use-planning.ts';

/** Where a session stands or would stand: its room and real instants. */
export type Place = { room: string | null; start: number; end: number };
/** A move waiting for confirmation: the hard conflicts it would create, in words. */
export type PendingMove = {
  session: Session;
  to: Place;
  conflicts: Conflict[];
  undo: boolean;
  confirm(reason: string): void;
  cancel(): void;
};
export type DoneMove = { session: Session; from: Place; to: Place };

/** How long the Undo button stays after a move. */
export const UNDO_MS = 30_000;

const hardConflicts = (planning: Planning, session: Session) =>
  conflictsInvolving(planning.prepared, session).filter((c) => c.severity === 'hard');

const refusedWith = (error: unknown): Conflict[] | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const found = (error.body as { conflicts?: Conflict[] } | null)?.conflicts;
  return found?.length ? found : null;
};

export function useGridMoves(slug: string, planning: Planning | null) {
  const move = useMove(slug);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [done, setDone] = useState<DoneMove | null>(null);
  const latest = useRef(planning);
  latest.current = planning;

  /** Sends the move; a refusal naming hard conflicts the browser did not foresee asks again. */
  const send = (
    session: Session,
    to: Place,
    accept: Conflict[],
    reason: string,
    undo: boolean,
  ): Promise<boolean> =>
    move
      .mutateAsync({
        key: session.key,
        room: to.room,
        start: new Date(to.start).toISOString(),
        end: new Date(to.end).toISOString(),
        ...(session.status === 'published' &&
          accept.length > 0 && {
            accept: accept.map((c) => ({
              code: c.code,
              sessions: c.sessions,
              ...(c.room && { room: c.room }),
              ...(c.person && { person: c.person }),
              ...(c.delegation && { delegation: c.delegation }),
              reason,
            })),
          }),
      })
      .then(
        () => {
          const from = { room: session.room, start: session.start!, end: session.end! };
          // An undone move is not undone again.
          setDone(undo ? null : { session, from, to });
          return true;
        },
        (error: unknown) => {
          const conflicts = refusedWith(error);
          if (!conflicts) return false;
          move.reset();
          return ask(session, to, [...accept, ...conflicts], undo);
        },
      );

  const ask = (session: Session, to: Place, conflicts: Conflict[], undo: boolean) =>
    new Promise<boolean>((resolve) => {
      setPending({
        session,
        to,
        conflicts,
        undo,
        confirm: (reason) => {
          setPending(null);
          void send(session, to, conflicts, reason, undo).then(resolve);
        },
        cancel: () => {
          setPending(null);
          resolve(false);
        },
      });
    });

  /** Moves a session, asking first when the move would create a hard conflict. */
  const attempt = (key: string, to: Place, undo = false): Promise<boolean> => {
    const current = latest.current;
    const session = current?.programme.sessions.find((s) => s.key === key);
    if (!current || !session) return Promise.resolve(false);
    const added = conflictsAdded(
      hardConflicts(current, session),
      hardConflicts(current, { ...session, ...to }),
    );
    return added.length ? ask(session, to, added, undo) : send(session, to, [], '', undo);
  };

  const undo = () => {
    if (!done) return Promise.resolve(false);
    return attempt(done.session.key, done.from, true);
  };

  // The Undo button stays a while; Ctrl+Z (Cmd+Z) does the same meanwhile, outside text fields.
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), UNDO_MS);
    const onKey = (e: KeyboardEvent) => {
      const field = e.target instanceof HTMLElement && e.target.closest('input, textarea, select');
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !field) {
        e.preventDefault();
        void attempt(done.session.key, done.from, true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  });

  /** The engine's verdict on a place, for the drag preview. */
  const preview = (key: string, to: Place): Conflict[] => {
    const session = planning?.programme.sessions.find((s) => s.key === key);
    return session && planning ? conflictsInvolving(planning.prepared, { ...session, ...to }) : [];
  };

  return {
    attempt,
    preview,
    undo,
    pending,
    done,
    dismiss: () => setDone(null),
    error: move.error,
    busy: move.isPending,
  };
}
export type GridMoves = ReturnType<typeof useGridMoves>;
