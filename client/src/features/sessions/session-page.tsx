import { sessionLanguages } from '../../lib/languages.ts';
import { useQuery } from '@tanstack/react-query';
import { ROLES } from '../../../../shared/domain/vocabulary.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { Await } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { displayZone, formatDate, formatMinutes, minutesIntoDay, type ZoneMode } from '../../lib/zone.ts';
import { SessionPlanning } from '../conflicts/session-planning.tsx';
import { InvitationAnswers } from '../invites/invitation-answers.tsx';
import type { SummitView } from '../summits/api.ts';
import { type SessionPageData as Page, sessionPageQuery } from './api.ts';

type Props = { summit: SummitView; sessionKey: string; zone: ZoneMode };

export function SessionPage({ summit, sessionKey, zone }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const page = useQuery(sessionPageQuery(summit.slug, sessionKey));
  return (
    <>
      <Await query={page}>{(p) => <SessionDetails summit={summit} page={p} zoneMode={zone} />}</Await>
      {isSupportUnit(me, summit.slug) && page.isSuccess && (
        <>
          <p>
            <Link href={href('sessionEdit', { slug: summit.slug, key: sessionKey })}>
              {t('sessionEdit.link')}
            </Link>
          </p>
          <InvitationAnswers slug={summit.slug} sessionKey={sessionKey} />
          <SessionPlanning summit={summit} sessionKey={sessionKey} />
        </>
      )}
    </>
  );
}

function SessionDetails({ summit, page, zoneMode }: { summit: SummitView; page: Page; zoneMode: ZoneMode }) {
  const { t, dateLocale } = useI18n();
  const { session, room, segment } = page;
  const zone = displayZone(zoneMode, summit);
  const person = new Map(page.people.map((p) => [p.key, p]));
  const delegation = new Map(page.delegations.map((d) => [d.key, d.name]));
  const day = session.start ? zone.wall(Date.parse(session.start)).date : null;
  const when =
    session.start && session.end && day
      ? `${formatDate(day, dateLocale)}, ${t('session.time', {
          start: formatMinutes(minutesIntoDay(zone, Date.parse(session.start), day)),
          end: formatMinutes(minutesIntoDay(zone, Date.parse(session.end), day)),
        })} (${zone.name})`
      : t('session.unplaced');
  const roles = ROLES.filter((r) => session.participants.some((p) => p.role === r));
  return (
    <article className="session-page">
      <p>
        <Link
          href={href('programme', {
            slug: summit.slug,
            day: day && summit.days.includes(day) ? day : undefined,
          })}
        >
          {t('session.back')}
        </Link>
      </p>
      <h1>{session.title}</h1>
      <p>
        <KindBadge kind={session.kind} />
        {session.status === 'draft' && (
          <>
            {' '}
            <span className="draft">{t('session.draft')}</span>
          </>
        )}
      </p>
      <dl className="facts">
        <dt>{t('session.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('session.where')}</dt>
        <dd>
          {room
            ? `${room.name}${room.building ? `, ${room.building}` : ''} (${t('session.capacity', { count: room.capacity })})`
            : t('programme.noRoom')}
        </dd>
        {segment && (
          <>
            <dt>{t('session.segment')}</dt>
            <dd>{segment.title}</dd>
          </>
        )}
        {session.expectedAttendance !== undefined && (
          <>
            <dt>{t('session.attendance')}</dt>
            <dd>{session.expectedAttendance}</dd>
          </>
        )}
        {(session.languages || session.interpretation) && (
          <>
            <dt>{t('session.languages')}</dt>
            <dd>{sessionLanguages(t, dateLocale, session)}</dd>
          </>
        )}
      </dl>
      <h2>{t('session.participants')}</h2>
      {roles.length === 0 && <p>{t('session.noParticipants')}</p>}
      {roles.map((role) => (
        <section key={role} className="role-group">
          <h3>{t(`role.${role}`)}</h3>
          <ul>
            {session.participants
              .filter((p) => p.role === role)
              .map((p) => {
                const who = p.person ? person.get(p.person) : undefined;
                const d = who ? who.delegation : p.delegation;
                const delegationLink = d && delegation.has(d) && (
                  <Link href={href('agenda', { slug: summit.slug, key: d })}>{delegation.get(d)}</Link>
                );
                // A request naming another delegation, until it confirms it.
                const pending = p.confirmed === false ? ` (${t('session.pending')})` : '';
                return (
                  <li key={`${p.person ?? ''}|${p.delegation ?? ''}`}>
                    {who ? (
                      <>
                        <Link href={href('directory', { slug: summit.slug }, { q: who.name })}>
                          {who.name}
                        </Link>
                        {who.title && `, ${who.title}`}
                        {delegationLink && <>, {delegationLink}</>}
                      </>
                    ) : (
                      (delegationLink ?? p.delegation ?? p.person)
                    )}
                    {pending}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </article>
  );
}
