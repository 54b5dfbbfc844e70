// After accepting, the review desk offers a place for the proposal's session: placement of that one
// session (POST /place with its key, in the side-event window of its format), confirmed as it is
// proposed or not at all; or a room and time chosen by hand with the planning page's conflict check
// (MoveForm, from the conflicts feature).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useApplyPlacement, usePlace } from '../conflicts/api.ts';
import { MoveForm } from '../conflicts/move-form.tsx';
import { useReasonWords } from '../conflicts/use-conflict-words.ts';
import { usePlanning } from '../conflicts/use-planning.ts';
import { listQuery } from '../programme/api.ts';
import type { SummitView } from '../summits/api.ts';
import type { ProposalView } from './api.ts';
import { summitInterval } from './times.ts';

const ignoreProgress = () => {};

export function PlaceOffer({ summit, proposal }: { summit: SummitView; proposal: ProposalView }) {
  const { t, dateLocale } = useI18n();
  const key = proposal.session!;
  // One session places in a moment: no progress to show.
  const place = usePlace(summit.slug, ignoreProgress);
  const apply = useApplyPlacement(summit.slug);
  const rooms = useQuery(listQuery(summit.slug, 'rooms'));
  const [byHand, setByHand] = useState(false);
  const placed = place.data?.placed.find((p) => p.session === key);
  const unplaced = place.data?.unplaced.find((u) => u.session === key);
  const reasons = useReasonWords(summit.slug);
  const roomName = (room: string) => rooms.data?.find((r) => r.key === room)?.name ?? room;
  return (
    <section aria-labelledby="place-offer" className="place-offer">
      <h2 id="place-offer">{t('place.title')}</h2>
      <p>{t('place.intro')}</p>
      <button
        type="button"
        onClick={() => place.mutate({ sessions: [key], stepMinutes: 15 })}
        disabled={place.isPending || apply.isPending}
      >
        {t('place.propose')}
      </button>
      {place.isPending && <p role="status">{t('place.running')}</p>}
      <ErrorAlert error={place.error} />
      {placed && !place.isPending && (
        <div className="placement-offer">
          <p role="status">
            {t('place.proposed', {
              room: roomName(placed.room),
              when: summitInterval(placed.start, placed.end, summit.timeZone, dateLocale),
            })}
          </p>
          <button
            type="button"
            disabled={apply.isPending}
            onClick={() =>
              apply.mutate({
                placements: [{ session: key, room: placed.room, start: placed.start, end: placed.end }],
              })
            }
          >
            {t('place.confirm')}
          </button>
        </div>
      )}
      {unplaced && !place.isPending && (
        <p role="status">{t('place.none', { reason: reasons.placement(unplaced.why, unplaced.reason) })}</p>
      )}
      <ErrorAlert error={apply.error} />
      <p>
        <button type="button" className="secondary" aria-expanded={byHand} onClick={() => setByHand(!byHand)}>
          {t('place.byHand')}
        </button>
      </p>
      {byHand && <ByHand summit={summit} sessionKey={key} />}
    </section>
  );
}

function ByHand({ summit, sessionKey }: { summit: SummitView; sessionKey: string }) {
  const { t } = useI18n();
  const planning = usePlanning(summit, true);
  if (!planning) return <p role="status">{t('app.loading')}</p>;
  const session = planning.programme.sessions.find((s) => s.key === sessionKey);
  if (!session) return null;
  return <MoveForm summit={summit} session={session} planning={planning} />;
}
