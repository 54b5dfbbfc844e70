// On a session's page, for the support unit: its conflicts, moves that clear them, and a form to
// move it by hand with a check before saving.
import { useState, type FormEvent } from 'react';
import { conflictsInvolving } from '../../../../shared/domain/conflicts/engine.ts';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { Await } from '../../components/status.tsx';
import { send, useApi, type SummitView } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { displayZone } from '../../lib/zone.ts';
import { usePlanning } from './use-planning.ts';

type Moves = {
  conflicts: Conflict[];
  moves: { room: string; start: string; end: string; cost: number }[];
  note?: string;
};

export function SessionPlanning({
  summit,
  sessionKey,
  onMoved,
}: {
  summit: SummitView;
  sessionKey: string;
  onMoved(): void;
}) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  const [version, setVersion] = useState(0);
  const moves = useApi<Moves>(
    `/api/summits/${summit.slug}/sessions/${encodeURIComponent(sessionKey)}/moves`,
    version,
  );
  const [form, setForm] = useState<{ room: string; start: string; end: string } | null>(null);
  const [check, setCheck] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!planning) return <p role="status">{t('app.loading')}</p>;
  const session = planning.programme.sessions.find((s) => s.key === sessionKey);
  if (!session) return null;
  const zone = displayZone('summit', summit);
  const local = (ms: number | null) => (ms === null ? '' : `${zone.wall(ms).date}T${zone.wall(ms).time}`);
  const current = form ?? { room: session.room ?? '', start: local(session.start), end: local(session.end) };
  const mine = planning.conflicts.filter((c) => c.sessions.includes(sessionKey));
  const move = async (to: { room: string; start: string; end: string }) => {
    try {
      await send('POST', `/api/summits/${summit.slug}/sessions/${encodeURIComponent(sessionKey)}/move`, {
        room: to.room || null,
        start: to.start,
        end: to.end,
      });
      setError(null);
      setForm(null);
      setCheck(null);
      planning.reload();
      setVersion((v) => v + 1);
      onMoved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const preview = (e: FormEvent) => {
    e.preventDefault();
    const toInstant = (value: string) =>
      zone.instant(value.slice(0, 10), Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16)));
    setCheck(
      conflictsInvolving(planning.prepared, {
        ...session,
        room: current.room || null,
        start: toInstant(current.start),
        end: toInstant(current.end),
      }),
    );
  };
  return (
    <section aria-labelledby="planning" className="session-planning">
      <h2 id="planning">{t('planning.title')}</h2>
      {mine.length === 0 ? (
        <p>{t('planning.clear')}</p>
      ) : (
        <ul>
          {mine.map((c) => (
            <li
              key={`${c.code}${c.sessions.join()}${c.person ?? c.delegation ?? c.room}`}
              className={`conflict-${c.severity}`}
            >
              {c.message}
            </li>
          ))}
        </ul>
      )}
      <Await loaded={moves}>
        {(m) =>
          m.moves.length > 0 && (
            <>
              <h3>{t('planning.moves')}</h3>
              <ol>
                {m.moves.map((mv) => (
                  <li key={`${mv.room}${mv.start}`}>
                    {t('planning.move', {
                      room: planning.programme.rooms.find((r) => r.key === mv.room)?.name ?? mv.room,
                      start: mv.start.slice(11, 16),
                      end: mv.end.slice(11, 16),
                      cost: Math.round(mv.cost),
                    })}{' '}
                    <button type="button" onClick={() => move(mv)}>
                      {t('planning.apply')}
                    </button>
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </Await>
      <h3>{t('planning.byHand')}</h3>
      <form className="stack-form" onSubmit={preview}>
        <label htmlFor="move-room">{t('session.where')}</label>
        <select
          id="move-room"
          value={current.room}
          onChange={(e) => setForm({ ...current, room: e.target.value })}
        >
          <option value="">{t('programme.noRoom')}</option>
          {planning.programme.rooms.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="move-start">{t('planning.start', { zone: summit.timeZone })}</label>
        <input
          id="move-start"
          type="datetime-local"
          required
          value={current.start}
          onChange={(e) => setForm({ ...current, start: e.target.value })}
        />
        <label htmlFor="move-end">{t('planning.end', { zone: summit.timeZone })}</label>
        <input
          id="move-end"
          type="datetime-local"
          required
          value={current.end}
          onChange={(e) => setForm({ ...current, end: e.target.value })}
        />
        <div className="button-row">
          <button type="submit">{t('planning.check')}</button>
          <button type="button" onClick={() => move(current)}>
            {t('planning.save')}
          </button>
        </div>
      </form>
      {check && (
        <div role="status">
          {check.length === 0 ? (
            t('planning.checkClear')
          ) : (
            <ul>
              {check.map((c) => (
                <li
                  key={`${c.code}${c.sessions.join()}${c.person ?? c.delegation ?? c.room}`}
                  className={`conflict-${c.severity}`}
                >
                  {c.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
