// On a delegation's agenda: for each time it is committed to more sessions than it has delegates,
// the sessions that clash and who is where, who could cover which, and, for the support unit, the
// moves that would clear it (the moves a session's page proposes, or why there is none).
import { useQuery } from '@tanstack/react-query';
import { type Cover, coverFor } from '../../../../shared/domain/coverage.ts';
import { Await, ErrorAlert } from '../../components/status.tsx';
import { isSupportUnit, useMe } from '../../lib/auth.ts';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import { formatDate } from '../../lib/zone.ts';
import { movesQuery, useMove } from '../conflicts/api.ts';
import { useReasonWords } from '../conflicts/use-conflict-words.ts';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';
import type { Agenda } from './api.ts';
import { intervalWords, sessionWhen } from './agenda-time.ts';
import { placeWords, roleWords } from './who-is-where.tsx';
import { ApplyMove } from '../conflicts/apply-move.tsx';

const names = (locale: string, list: string[], type: 'conjunction' | 'disjunction') =>
  new Intl.ListFormat(locale, { type }).format(list);

export function OverCommitments({ summit, agenda }: { summit: SummitView; agenda: Agenda }) {
  const { t, dateLocale } = useI18n();
  const supportUnit = isSupportUnit(useMe(), summit.slug);
  const covers = agenda.conflicts
    .filter((c) => c.code === 'DELEGATION_OVERCOMMITTED' && c.delegation === agenda.delegation.key)
    .map((c) => coverFor(agenda, c));
  if (covers.length === 0) return null;
  return (
    <section aria-labelledby="agenda-cover" className="agenda-cover">
      <h2 id="agenda-cover">{t('agenda.cover')}</h2>
      {covers.map((cover, i) => {
        const id = `agenda-cover-${i}`;
        const when = intervalWords(
          t,
          dateLocale,
          summit,
          cover.overcommitment.start,
          cover.overcommitment.end,
        );
        return (
          <article key={cover.overcommitment.start} aria-labelledby={id}>
            <h3 id={id}>
              {t('agenda.coverTitle', {
                when,
                sessions: cover.tooMany + agenda.delegation.size,
                delegates: agenda.delegation.size,
              })}
            </h3>
            <h4>{t('agenda.clash')}</h4>
            <ul>
              {cover.posts.map((post) => (
                <li key={post.session.key}>
                  {sessionWhen(t, dateLocale, summit, post.session)}:{' '}
                  <Link href={href('session', { slug: summit.slug, key: post.session.key })}>
                    {post.session.title}
                  </Link>
                  {' — '}
                  {post.people.length
                    ? names(
                        dateLocale,
                        post.people.map((x) =>
                          t('agenda.personAs', {
                            name: x.person.name,
                            roles: roleWords(t, dateLocale, x.roles),
                          }),
                        ),
                        'conjunction',
                      )
                    : t('agenda.anyDelegateLower')}
                  , {placeWords(t, agenda, post.session)}
                </li>
              ))}
            </ul>
            <h4>{t('agenda.forDelegation', { delegation: agenda.delegation.name })}</h4>
            <ul>
              {delegationWays(t, dateLocale, agenda, cover).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {supportUnit && <SupportMoves summit={summit} agenda={agenda} cover={cover} />}
          </article>
        );
      })}
    </section>
  );
}

/** What the delegation itself can do: who could cover which session, or that it is short of people. */
function delegationWays(t: Translate, locale: string, agenda: Agenda, cover: Cover): string[] {
  const lines: string[] = [];
  const free = cover.free.map((p) => p.name);
  for (const post of cover.posts.filter((p) => p.people.length === 0)) {
    lines.push(
      free.length
        ? t('agenda.couldCover', { names: names(locale, free, 'disjunction'), title: post.session.title })
        : t('agenda.nobodyFree', { title: post.session.title }),
    );
  }
  if (cover.unnamed > 0) lines.push(t('agenda.unnamed', { count: cover.unnamed }));
  const size = agenda.delegation.size;
  lines.push(
    cover.tooMany > 0
      ? t('agenda.tooFew', {
          delegation: agenda.delegation.name,
          delegates: size,
          sessions: size + cover.tooMany,
          count: cover.tooMany,
        })
      : t('agenda.enough'),
  );
  return lines;
}

function SupportMoves({ summit, agenda, cover }: { summit: SummitView; agenda: Agenda; cover: Cover }) {
  const { t } = useI18n();
  return (
    <>
      <h4>{t('agenda.supportMoves')}</h4>
      <ul>
        {cover.posts.map((post) => (
          <SessionMoves
            key={post.session.key}
            summit={summit}
            agenda={agenda}
            sessionKey={post.session.key}
            title={post.session.title}
          />
        ))}
      </ul>
    </>
  );
}

/** Up to three moves of one session, each with a button, or why it has none. */
function SessionMoves({
  summit,
  agenda,
  sessionKey,
  title,
}: {
  summit: SummitView;
  agenda: Agenda;
  sessionKey: string;
  title: string;
}) {
  const { t, dateLocale } = useI18n();
  const moves = useQuery(movesQuery(summit.slug, sessionKey));
  const move = useMove(summit.slug);
  const reasons = useReasonWords(summit.slug);
  const rooms = useQuery(listQuery(summit.slug, 'rooms')).data ?? agenda.rooms;
  const roomName = (key: string) => rooms.find((r) => r.key === key)?.name ?? key;
  return (
    <li>
      <Await query={moves}>
        {(m) =>
          m.moves.length === 0 ? (
            t('agenda.noMove', { title, why: reasons.move(m.why, m.note ?? '') })
          ) : (
            <>
              <p>{t('agenda.movesOf', { title })}</p>
              <ul>
                {m.moves.slice(0, 3).map((mv) => (
                  <li key={`${mv.room}${mv.start}`}>
                    {t('agenda.move', {
                      room: roomName(mv.room),
                      day: formatDate(mv.start.slice(0, 10), dateLocale, 'short'),
                      start: mv.start.slice(11, 16),
                      end: mv.end.slice(11, 16),
                    })}{' '}
                    <ApplyMove move={move} sessionKey={sessionKey} to={mv} />
                  </li>
                ))}
              </ul>
              <ErrorAlert error={move.error} />
            </>
          )
        }
      </Await>
    </li>
  );
}
