// A delegation's agenda: what it and its people are expected at, day by day.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Role } from '../../../../shared/domain/vocabulary.ts';
import type { SessionItem } from '../../../../shared/schemas/summit-file.ts';
import type { Me } from '../../../../shared/schemas/accounts.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { useMe } from '../../lib/auth.ts';
import { Subscribe } from '../feeds/subscribe.tsx';
import { Await } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { displayZone, formatDate, formatMinutes, minutesIntoDay } from '../../lib/zone.ts';
import { useConflictWords } from '../conflicts/use-conflict-words.ts';
import type { SummitView } from '../summits/api.ts';
import { type Agenda, agendaQuery } from './api.ts';
import { OverCommitments } from './over-commitments.tsx';
import { WhoIsWhere } from './who-is-where.tsx';

export function AgendaPage({ summit, delegationKey }: { summit: SummitView; delegationKey: string }) {
  const agenda = useQuery(agendaQuery(summit.slug, delegationKey));
  return <Await query={agenda}>{(a) => <AgendaView summit={summit} agenda={a} />}</Await>;
}

/** Whether the caller may subscribe to this delegation's agenda: one of its people, or the support unit. */
const mayAct = (me: Me | undefined, slug: string, delegation: string) =>
  !!me?.summits.some(
    (s) => s.slug === slug && (s.delegations.includes(delegation) || s.roles.includes('support_unit')),
  );

function AgendaView({ summit, agenda }: { summit: SummitView; agenda: Agenda }) {
  const { t, dateLocale } = useI18n();
  const me = useMe();
  const zone = displayZone('summit', summit);
  // Its own drafts and people may be missing from the lists its members read.
  const known = useMemo(
    () => ({
      sessions: agenda.sessions,
      people: agenda.people,
      rooms: agenda.rooms,
      delegations: [agenda.delegation],
    }),
    [agenda],
  );
  const say = useConflictWords(summit.slug, known);
  const mine = new Set([agenda.delegation.key, ...agenda.people.map((p) => p.key)]);
  const roleIn = (s: SessionItem): Role[] => [
    ...new Set(s.participants.filter((p) => mine.has(p.delegation ?? p.person ?? '')).map((p) => p.role)),
  ];
  const overcommitted = new Set(
    agenda.conflicts.filter((c) => c.code === 'DELEGATION_OVERCOMMITTED').flatMap((c) => c.sessions),
  );
  const byDay = new Map<string, SessionItem[]>();
  for (const s of agenda.sessions) {
    const day = s.start ? zone.wall(Date.parse(s.start)).date : '';
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  return (
    <>
      <h1>{t('agenda.title', { delegation: agenda.delegation.name })}</h1>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('agenda.print')}
        </button>
      </p>
      <p>{t('agenda.size', { count: agenda.delegation.size })}</p>
      {mayAct(me, summit.slug, agenda.delegation.key) && (
        <Subscribe slug={summit.slug} what={{ delegation: agenda.delegation.key }} />
      )}
      {agenda.people.length > 0 && (
        <>
          <h2>{t('agenda.people')}</h2>
          <ul>
            {agenda.people.map((p) => (
              <li key={p.key}>{[p.name, p.title, p.email].filter(Boolean).join(', ')}</li>
            ))}
          </ul>
        </>
      )}
      {agenda.conflicts.length > 0 && (
        <section aria-labelledby="agenda-conflicts" className="conflict-panel">
          <h2 id="agenda-conflicts">{t('agenda.conflicts')}</h2>
          <ul>
            {agenda.conflicts.map((c) => (
              <li key={`${c.code}${c.sessions.join()}${c.person ?? ''}`} className={`conflict-${c.severity}`}>
                {say(c)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OverCommitments summit={summit} agenda={agenda} />
      <WhoIsWhere summit={summit} agenda={agenda} />
      <h2>{t('agenda.sessions')}</h2>
      {agenda.sessions.length === 0 && <p>{t('agenda.none')}</p>}
      {[...byDay].map(([day, sessions]) => (
        <section key={day} aria-labelledby={`day-${day || 'unplaced'}`}>
          <h3 id={`day-${day || 'unplaced'}`}>{day ? formatDate(day, dateLocale) : t('session.unplaced')}</h3>
          <ol className="day-list">
            {sessions.map((s) => (
              <li key={s.key} className={`day-list-item${overcommitted.has(s.key) ? ' overcommitted' : ''}`}>
                <span className="day-list-time">
                  {s.start && s.end
                    ? t('session.time', {
                        start: formatMinutes(minutesIntoDay(zone, Date.parse(s.start), day)),
                        end: formatMinutes(minutesIntoDay(zone, Date.parse(s.end), day)),
                      })
                    : '—'}
                </span>
                <div>
                  <Link href={href('session', { slug: summit.slug, key: s.key })} className="day-list-title">
                    {s.title}
                  </Link>
                  <p className="day-list-meta">
                    <KindBadge kind={s.kind} />{' '}
                    {t('agenda.role', {
                      role: new Intl.ListFormat(dateLocale, { type: 'conjunction' }).format(
                        roleIn(s).map((r) => t(`roleOne.${r}`)),
                      ),
                    })}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
