// The answers people gave with their invitation's links (accept, maybe, decline), on a session's
// page for the support unit: who is coming, by name.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { rsvpListSchema } from '../../../../shared/schemas/invites.ts';
import { Await } from '../../components/status.tsx';
import { getJson, summitApi } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { keys } from '../../lib/query-keys.ts';
import { listQuery } from '../programme/api.ts';

type Rsvps = z.output<typeof rsvpListSchema>;

export function InvitationAnswers({ slug, sessionKey }: { slug: string; sessionKey: string }) {
  const { t } = useI18n();
  const answers = useQuery({
    queryKey: keys.rsvps(slug),
    queryFn: ({ signal }) => getJson<Rsvps>(summitApi(slug, 'rsvps'), signal),
  });
  const people = useQuery(listQuery(slug, 'people'));
  const name = new Map(people.data?.map((p) => [p.key, p.name]));
  return (
    <section aria-labelledby="invitation-answers">
      <h2 id="invitation-answers">{t('rsvp.title')}</h2>
      <Await query={answers}>
        {({ rsvps }) => {
          const mine = rsvps.filter((r) => r.session === sessionKey);
          return mine.length === 0 ? (
            <p>{t('rsvp.none')}</p>
          ) : (
            <ul>
              {mine.map((r) => (
                <li key={r.person}>{t(`rsvp.${r.answer}`, { name: name.get(r.person) ?? r.person })}</li>
              ))}
            </ul>
          );
        }}
      </Await>
    </section>
  );
}
