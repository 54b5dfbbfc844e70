// Placement of the unplaced sessions: the proposal, how good it is (how many of how many, the most
// any arrangement could place), why each other session is left out, and applying it. Placement
// runs on the server within a time limit the support unit chooses; while it runs, the page says so,
// shows the time used against the limit and, as the server streams it (NDJSON, a few lines a
// second), how many sessions it has placed so far and the most any arrangement could place. See
// docs/decisions/0013-exact-placement.md.
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import type { SummitView } from '../summits/api.ts';
import { type PlacementProgress, type Proposal, useApplyPlacement, usePlace } from './api.ts';
import { conflictContext } from './conflict-words.ts';
import { placementWhyWriter } from './placement-words.ts';
import type { Planning } from './use-planning.ts';

/** Time limits offered, in seconds (the server takes up to 30). */
const LIMITS = [3, 10, 30] as const;

export function Placement({ summit, planning }: { summit: SummitView; planning: Planning | null }) {
  const { t, dateLocale } = useI18n();
  const slug = summit.slug;
  const [progress, setProgress] = useState<PlacementProgress | null>(null);
  const place = usePlace(slug, setProgress);
  const apply = useApplyPlacement(slug);
  const [seconds, setSeconds] = useState<number>(LIMITS[0]);
  const proposal = apply.isSuccess ? undefined : place.data;
  const total = proposal ? proposal.placed.length + proposal.unplaced.length : 0;
  const propose = () => {
    apply.reset();
    setProgress(null);
    place.mutate({ stepMinutes: 15, timeLimitMs: seconds * 1000 });
  };
  const applyAll = (p: Proposal) =>
    apply.mutate({ placements: p.placed.map(({ cost: _, ...placement }) => placement) });
  const title = (key: string) => planning?.programme.sessions.find((s) => s.key === key)?.title ?? key;
  const room = (key: string) => planning?.programme.rooms.find((r) => r.key === key)?.name ?? key;
  // Why each is left out, in the reader's language (the API's English until the programme is in).
  const why = useMemo(
    () => planning && placementWhyWriter(conflictContext(planning.programme, summit.offsets), t, dateLocale),
    [planning, summit.offsets, t, dateLocale],
  );
  return (
    <section aria-labelledby="placement">
      <h2 id="placement">{t('plan.propose')}</h2>
      <p>{t('plan.placeIntro')}</p>
      <label>
        {t('plan.timeLimit')}{' '}
        <select
          value={seconds}
          onChange={(e) => setSeconds(Number(e.target.value))}
          disabled={place.isPending}
        >
          {LIMITS.map((s) => (
            <option key={s} value={s}>
              {t('plan.seconds', { count: s })}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={propose} disabled={place.isPending}>
        {t('plan.propose')}
      </button>
      {place.isPending && <Running seconds={seconds} progress={progress} />}
      <ErrorAlert error={place.error} />
      {proposal && !place.isPending && (
        <>
          <p role="status">
            {total === 0
              ? t('plan.nothing')
              : `${t('plan.summary', { placed: proposal.placed.length, total })} ${t(
                  proposal.optimal ? 'plan.optimal' : 'plan.bound',
                  { bound: proposal.bound },
                )}`}
          </p>
          {proposal.placed.length > 0 && <p>{t('plan.proposal', { cost: Math.round(proposal.cost) })}</p>}
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
                      <Link href={href('session', { slug, key: p.session })}>{title(p.session)}</Link>
                    </td>
                    <td>{room(p.room)}</td>
                    <td>{`${p.start.slice(0, 10)} ${p.start.slice(11, 16)}–${p.end.slice(11, 16)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {proposal.unplaced.length > 0 && (
            <>
              <h3>{t('plan.unplacedTitle')}</h3>
              <ul aria-label={t('plan.unplacedTitle')}>
                {proposal.unplaced.map((u) => (
                  <li key={u.session}>
                    {t('plan.unplaced', { title: title(u.session), reason: why ? why(u.why) : u.reason })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {proposal.placed.length > 0 && (
            <button type="button" onClick={() => applyAll(proposal)} disabled={apply.isPending}>
              {t('plan.applyAll')}
            </button>
          )}
        </>
      )}
      <ErrorAlert error={apply.error} />
      {apply.data && <p role="status">{t('plan.applied', { count: apply.data.placed })}</p>}
    </section>
  );
}

/** That placement is running, the time it has used of its limit, and how far it got. */
function Running({ seconds, progress }: { seconds: number; progress: PlacementProgress | null }) {
  const { t } = useI18n();
  const [used, setUsed] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setUsed(Math.min(seconds, (performance.now() - started) / 1000)), 100);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <p role="status">
      {t('plan.running', { seconds })}{' '}
      <progress max={seconds} value={used} aria-label={t('plan.timeUsed')}>
        {t('plan.timeUsedOf', { used: Math.floor(used), seconds })}
      </progress>
      {progress &&
        progress.total > 0 &&
        ` ${t('plan.soFar', { placed: progress.placed, total: progress.total, bound: progress.bound })}`}
    </p>
  );
}
