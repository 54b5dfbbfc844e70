// Placement of the unplaced sessions, and publishing, for the support unit.
import { useState } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import type { SummitView } from '../summits/api.ts';
import { type Proposal, useApplyPlacement, usePlace, usePublish } from './api.ts';
import { ConflictPanel } from './conflict-panel.tsx';
import { type Planning, usePlanning } from './use-planning.ts';

const idOf = (c: Conflict) => `${c.code}|${c.sessions.join('+')}|${c.room ?? c.person ?? c.delegation ?? ''}`;

export function PlanPage({ summit }: { summit: SummitView }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  return (
    <>
      <h1>{t('plan.title')}</h1>
      <Placement summit={summit} planning={planning} />
      <Publishing slug={summit.slug} hard={planning?.conflicts.filter((c) => c.severity === 'hard') ?? []} />
      {planning && <ConflictPanel slug={summit.slug} />}
    </>
  );
}

function Placement({ summit, planning }: { summit: SummitView; planning: Planning | null }) {
  const { t } = useI18n();
  const slug = summit.slug;
  const place = usePlace(slug);
  const apply = useApplyPlacement(slug);
  const proposal = apply.isSuccess ? undefined : place.data;
  const total = proposal ? proposal.placed.length + proposal.unplaced.length : 0;
  const propose = () => {
    apply.reset();
    place.mutate({ stepMinutes: 15 });
  };
  const applyAll = (p: Proposal) =>
    apply.mutate({ placements: p.placed.map(({ cost: _, ...placement }) => placement) });
  const title = (key: string) => planning?.programme.sessions.find((s) => s.key === key)?.title ?? key;
  const room = (key: string) => planning?.programme.rooms.find((r) => r.key === key)?.name ?? key;
  return (
    <section aria-labelledby="placement">
      <h2 id="placement">{t('plan.propose')}</h2>
      <p>{t('plan.placeIntro')}</p>
      <button type="button" onClick={propose} disabled={place.isPending}>
        {t('plan.propose')}
      </button>
      <ErrorAlert error={place.error} />
      {proposal && (
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
                  <li key={u.session}>{t('plan.unplaced', { title: title(u.session), reason: u.reason })}</li>
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

function Publishing({ slug, hard }: { slug: string; hard: Conflict[] }) {
  const { t } = useI18n();
  const publish = usePublish(slug);
  const [accepted, setAccepted] = useState<Record<string, string>>({});
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
  return (
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
      <button type="button" onClick={() => publish.mutate({ accept })} disabled={publish.isPending}>
        {t('plan.publish')}
      </button>
      <ErrorAlert error={publish.error} />
      {publish.data && <p role="status">{t('plan.published', { count: publish.data.published })}</p>}
    </section>
  );
}
