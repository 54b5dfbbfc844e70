// On a delegation's agenda: which of its delegates is where, and what any delegate may take.
import type { Role } from '../../../../shared/domain/vocabulary.ts';
import { whoIsWhere } from '../../../../shared/domain/coverage.ts';
import type { SessionItem } from '../../../../shared/schemas/summit-file.ts';
import { type Translate, useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import type { SummitView } from '../summits/api.ts';
import type { Agenda } from './api.ts';
import { sessionWhen } from './agenda-time.ts';

export const roleWords = (t: Translate, locale: string, roles: readonly Role[]) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(roles.map((r) => t(`roleOne.${r}`)));

/** "Orangeraie Room (Conference Centre)", the room alone without a building, or that it has none yet. */
export function placeWords(t: Translate, agenda: Agenda, s: SessionItem): string {
  const room = s.room ? agenda.rooms.find((r) => r.key === s.room) : undefined;
  if (!room) return t('agenda.noRoom');
  return room.building ? t('agenda.roomIn', { room: room.name, building: room.building }) : room.name;
}

export function WhoIsWhere({ summit, agenda }: { summit: SummitView; agenda: Agenda }) {
  const { t, dateLocale } = useI18n();
  const rounds = whoIsWhere(agenda);
  if (rounds.every((r) => r.duties.length === 0)) return null;
  return (
    <section aria-labelledby="agenda-who">
      <h2 id="agenda-who">{t('agenda.who')}</h2>
      <p>{t('agenda.clock', { zone: summit.timeZone })}</p>
      {rounds.map((r) => (
        <div key={r.person?.key ?? ''} className="agenda-round">
          <h3>{r.person ? r.person.name : t('agenda.anyDelegate')}</h3>
          {r.duties.length === 0 ? (
            <p>{t('agenda.nothing')}</p>
          ) : (
            <ul>
              {r.duties.map((d) => (
                <li key={d.session.key}>
                  {sessionWhen(t, dateLocale, summit, d.session)}:{' '}
                  <Link href={href('session', { slug: summit.slug, key: d.session.key })}>
                    {d.session.title}
                  </Link>
                  {' — '}
                  {t('agenda.duty', {
                    roles: roleWords(t, dateLocale, d.roles),
                    place: placeWords(t, agenda, d.session),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
