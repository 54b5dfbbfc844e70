// Placement of the unplaced sessions, and publishing, for the support unit.
import { useState } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { send, type SummitView } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link, paths } from '../../lib/router.tsx';
import { ConflictPanel } from './conflict-panel.tsx';
import { usePlanning } from './use-planning.ts';

type Proposal = {
  placed: { session: string; room: string; start: string; end: string; cost: number }[];
  unplaced: { session: string; reason: string }[];
  cost: number;
};
const idOf = (c: Conflict) => `${c.code}|${c.sessions.join('+')}|${c.room ?? c.person ?? c.delegation ?? ''}`;

export function PlanPage({ summit }: { summit: SummitView }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<string>) => {
    try {
      setStatus({ kind: 'ok', text: await action() });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };
  const propose = () =>
    run(async () => {
      const p = await send<Proposal>('POST', `/api/summits/${summit.slug}/place`, { stepMinutes: 15 });
      setProposal(p);
      return t('plan.proposal', { cost: Math.round(p.cost) });
    });
  const apply = () =>
    run(async () => {
      const placements = proposal!.placed.map(({ cost: _, ...p }) => p);
      const r = await send<{ placed: number }>('POST', `/api/summits/${summit.slug}/place/apply`, {
        placements,
      });
      setProposal(null);
      planning?.reload();
      return t('plan.applied', { count: r.placed });
    });
  const hard = planning?.conflicts.filter((c) => c.severity === 'hard') ?? [];
  const publish = () =>
    run(async () => {
      const accept = hard
        .filter((c) => idOf(c) in accepted)
        .map((c) => ({
          code: c.code,
          sessions: c.sessions,
          ...(c.room && { room: c.room }),
          ...(c.person && { person: c.person }),
          ...(c.delegation && { delegation: c.delegation }),
          ...(accepted[idOf(c)] && { reason: accepted[idOf(c)] }),
        }));
      const r = await send<{ published: number }>('POST', `/api/summits/${summit.slug}/publish`, { accept });
      planning?.reload();
      return t('plan.published', { count: r.published });
    });
  const title = (key: string) => planning?.programme.sessions.find((s) => s.key === key)?.title ?? key;
  const room = (key: string) => planning?.programme.rooms.find((r) => r.key === key)?.name ?? key;
  return (
    <>
      <h1>{t('plan.title')}</h1>
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p>}
      <section aria-labelledby="placement">
        <h2 id="placement">{t('plan.propose')}</h2>
        <p>{t('plan.placeIntro')}</p>
        <button type="button" onClick={propose}>
          {t('plan.propose')}
        </button>
        {proposal && (
          <>
            {proposal.placed.length === 0 && proposal.unplaced.length === 0 && <p>{t('plan.nothing')}</p>}
            {proposal.placed.length > 0 && (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.subject')}</th>
                    <th scope="col">{t('session.where')}</th>
                    <th scope="col">{t('session.when')}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.placed.map((p) => (
                    <tr key={p.session}>
                      <td>
                        <Link href={paths.session(summit.slug, p.session)}>{title(p.session)}</Link>
                      </td>
                      <td>{room(p.room)}</td>
                      <td>{`${p.start.slice(0, 10)} ${p.start.slice(11, 16)}–${p.end.slice(11, 16)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ul>
              {proposal.unplaced.map((u) => (
                <li key={u.session}>{t('plan.cannot', { key: title(u.session), reason: u.reason })}</li>
              ))}
            </ul>
            {proposal.placed.length > 0 && (
              <button type="button" onClick={apply}>
                {t('plan.applyAll')}
              </button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="publishing">
        <h2 id="publishing">{t('plan.publish')}</h2>
        <p>{t('plan.publishIntro')}</p>
        {hard.map((c) => (
          <fieldset key={idOf(c)} className="accept">
            <legend className="visually-hidden">{c.code}</legend>
            <label className="inline">
              <input
                type="checkbox"
                checked={idOf(c) in accepted}
                onChange={(e) => {
                  const next = { ...accepted };
                  if (e.target.checked) next[idOf(c)] = '';
                  else delete next[idOf(c)];
                  setAccepted(next);
                }}
              />{' '}
              {t('plan.accept', { message: c.message })}
            </label>
            {idOf(c) in accepted && (
              <label>
                {t('plan.reason')}{' '}
                <input
                  value={accepted[idOf(c)]}
                  onChange={(e) => setAccepted({ ...accepted, [idOf(c)]: e.target.value })}
                />
              </label>
            )}
          </fieldset>
        ))}
        <button type="button" onClick={publish}>
          {t('plan.publish')}
        </button>
      </section>
      {planning && <ConflictPanel slug={summit.slug} conflicts={planning.conflicts} />}
    </>
  );
}
