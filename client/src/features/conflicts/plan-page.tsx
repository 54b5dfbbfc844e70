// Placement of the unplaced sessions (placement-section.tsx), and publishing, for the support unit.
import { useState } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { SummitView } from '../summits/api.ts';
import { usePublish } from './api.ts';
import { ConflictPanel } from './conflict-panel.tsx';
import { Placement } from './placement-section.tsx';
import { useConflictWords } from './use-conflict-words.ts';
import { usePlanning } from './use-planning.ts';

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

function Publishing({ slug, hard }: { slug: string; hard: Conflict[] }) {
  const { t } = useI18n();
  const publish = usePublish(slug);
  const say = useConflictWords(slug);
  const [accepted, setAccepted] = useState<Record<string, string>>({});
  // A hard conflict is accepted with a reason, kept in the audit log: publishing waits for each.
  const [tried, setTried] = useState(false);
  const unexplained = hard.filter((c) => idOf(c) in accepted && !accepted[idOf(c)]!.trim());
  const accept = hard
    .filter((c) => idOf(c) in accepted)
    .map((c) => ({
      code: c.code,
      sessions: c.sessions,
      ...(c.room && { room: c.room }),
      ...(c.person && { person: c.person }),
      ...(c.delegation && { delegation: c.delegation }),
      reason: accepted[idOf(c)]!.trim(),
    }));
  return (
    <section aria-labelledby="publishing">
      <h2 id="publishing">{t('plan.publish')}</h2>
      <p>{t('plan.publishIntro')}</p>
      {hard.map((c) => (
        <fieldset key={idOf(c)} className="accept">
          <legend className="visually-hidden">{t(`conflict.${c.code}`)}</legend>
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
            {t('plan.accept', { message: say(c) })}
          </label>
          {idOf(c) in accepted && (
            <>
              <label htmlFor={`reason-${idOf(c)}`}>{t('plan.reason')}</label>
              <input
                id={`reason-${idOf(c)}`}
                required
                value={accepted[idOf(c)]}
                aria-invalid={(tried && unexplained.includes(c)) || undefined}
                aria-describedby={tried && unexplained.includes(c) ? `reason-${idOf(c)}-message` : undefined}
                onChange={(e) => setAccepted({ ...accepted, [idOf(c)]: e.target.value })}
              />
              {tried && unexplained.includes(c) && (
                <p id={`reason-${idOf(c)}-message`} className="field-message">
                  {t('plan.reasonRequired')}
                </p>
              )}
            </>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => {
          setTried(true);
          if (unexplained.length === 0) publish.mutate({ accept });
        }}
        disabled={publish.isPending}
      >
        {t('plan.publish')}
      </button>
      <ErrorAlert error={publish.error} />
      {publish.data && (
        <p role="status">
          {t('plan.published', { count: publish.data.published })}{' '}
          {t('plan.release', {
            number: publish.data.release.number,
            count: publish.data.release.invitations,
          })}
        </p>
      )}
    </section>
  );
}
