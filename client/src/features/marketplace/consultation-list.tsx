// Consultations as the caller may see them, each with the steps open to the caller: the owner
// accepts or declines a request, either side cancels, another delegation joins as a provider or
// observes, and once held either side records what came of it.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { OUTCOMES } from '../../../../shared/domain/marketplace.ts';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import {
  type ConsultationView,
  consultationsQuery,
  type Step,
  useConsultationStep,
  useRecordOutcome,
} from './api.ts';
import type { Market } from './frame.tsx';

const LIVE = ['requested', 'accepted'];

/** The steps the caller may take on a consultation (the server checks them again). */
export function stepsFor(m: Market, c: ConsultationView): Step[] {
  const mine = new Set(m.settings.you.delegations.map((d) => d.key));
  const owner = mine.has(c.owner);
  const party = owner || c.providers.some((p) => mine.has(p));
  const live = LIVE.includes(c.status);
  const steps: Step[] = [];
  if (owner && c.status === 'requested') steps.push('accept', 'decline');
  if (live && (party || m.settings.you.may.manage)) steps.push('cancel');
  const outsider = !party && !c.observers.some((o) => mine.has(o)) && mine.size > 0;
  if (live && outsider && m.settings.you.may.requestConsultations) steps.push('join', 'observe');
  return steps;
}

/** `level`: the heading level of each consultation's title (under the page's h1, or a section's h2). */
export function ConsultationList({ m, need, level = 3 }: { m: Market; need?: string; level?: 2 | 3 }) {
  const { t } = useI18n();
  const list = useQuery(consultationsQuery(m.summit.slug, need));
  return (
    <Await query={list}>
      {(cs) =>
        cs.length === 0 ? (
          <p>{t('market.noConsultations')}</p>
        ) : (
          <ul className="card-list">
            {cs.map((c) => (
              <li key={c.id}>
                <Consultation m={m} c={c} level={level} />
              </li>
            ))}
          </ul>
        )
      }
    </Await>
  );
}

/** One consultation, its title a heading of `level` (1 on its own page). */
export function Consultation({ m, c, level }: { m: Market; c: ConsultationView; level: 1 | 2 | 3 }) {
  const Heading = (['h1', 'h2', 'h3'] as const)[level - 1]!;
  const { t } = useI18n();
  const slug = m.summit.slug;
  const step = useConsultationStep(slug);
  const mine = m.settings.you.delegations;
  const asFor = (s: Step) =>
    s === 'join' || s === 'observe' || mine.length < 2
      ? mine.find((d) => d.key !== c.owner && !c.providers.includes(d.key))?.key
      : undefined;
  const party =
    m.settings.you.may.manage || mine.some((d) => d.key === c.owner || c.providers.includes(d.key));
  return (
    <article aria-labelledby={`consultation-${c.id}`}>
      <Heading id={`consultation-${c.id}`}>
        <Link href={href('need', { slug, key: c.need })}>{c.needTitle}</Link>
      </Heading>
      <p>
        <strong>{t(`market.status.${c.status}`)}</strong> ·{' '}
        {c.start && c.end ? `${m.when(c.start, c.end)} · ${c.roomName}` : t('market.unscheduled')}
      </p>
      <dl className="facts">
        <dt>{t('market.owner')}</dt>
        <dd>{m.name(c.owner)}</dd>
        <dt>{t('market.providers')}</dt>
        <dd>{c.providers.map(m.name).join(', ')}</dd>
        {c.observers.length > 0 && (
          <>
            <dt>{t('market.observers')}</dt>
            <dd>{c.observers.map(m.name).join(', ')}</dd>
          </>
        )}
        {c.status === 'accepted' && (
          <>
            <dt>{t('market.outcome')}</dt>
            <dd>{c.outcome ? t(`market.outcome.${c.outcome}`) : t('market.outcome.none')}</dd>
          </>
        )}
      </dl>
      {c.status === 'requested' && c.expiresAt && <p>{t('market.expires', { time: m.at(c.expiresAt) })}</p>}
      {c.session && (
        <p>
          <Link href={href('session', { slug, key: c.session })}>{t('market.session')}</Link>
        </p>
      )}
      <div className="actions">
        {stepsFor(m, c).map((s) => (
          <button
            key={s}
            type="button"
            className={s === 'accept' ? undefined : 'secondary'}
            disabled={step.isPending}
            onClick={() => step.mutate({ id: c.id, step: s, as: asFor(s) })}
          >
            {t(`market.step.${s}`)}
          </button>
        ))}
      </div>
      <ErrorAlert error={step.error} />
      {c.status === 'accepted' && party && <OutcomeForm m={m} c={c} />}
    </article>
  );
}

function OutcomeForm({ m, c }: { m: Market; c: ConsultationView }) {
  const { t } = useI18n();
  const record = useRecordOutcome(m.summit.slug);
  const [outcome, setOutcome] = useState(c.outcome ?? 'project_proposal');
  const [funding, setFunding] = useState(c.fundingSources.join(', '));
  const [note, setNote] = useState(c.outcomeNote ?? '');
  const id = `outcome-${c.id}`;
  return (
    <details>
      <summary>{t('market.recordOutcome')}</summary>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate({
            id: c.id,
            outcome,
            fundingSources: funding
              .split(',')
              .map((f) => f.trim())
              .filter(Boolean),
            note: note || undefined,
          });
        }}
      >
        <label htmlFor={`${id}-what`}>{t('market.outcome')}</label>
        <select
          id={`${id}-what`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as typeof outcome)}
        >
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`market.outcome.${o}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-funding`}>{t('market.funding')}</label>
        <input id={`${id}-funding`} value={funding} onChange={(e) => setFunding(e.target.value)} />
        <label htmlFor={`${id}-note`}>{t('market.note')}</label>
        <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={record.isPending}>
          {t('market.recordOutcome')}
        </button>
        {record.isSuccess && <p role="status">{t('market.recorded')}</p>}
        <ErrorAlert error={record.error} />
      </form>
    </details>
  );
}
