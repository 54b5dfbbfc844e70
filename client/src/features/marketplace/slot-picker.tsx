// The slots of a need, by day: only bookable ones are buttons; the others are listed apart, each
// with the server's reason in the reader's language ("Moldova has 1 person and is committed to
// “RT 1.2” then", from its `why`; the English `reason` of an older server otherwise). A request
// that loses a race says why, from the refusal's `why`, and offers the slots the server names as
// still free.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/status.tsx';
import { Await } from '../../components/status.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { type SlotView, slotsQuery, useRequestConsultation } from './api.ts';
import type { SlotWhy } from '../../../../shared/domain/marketplace.ts';
import type { Market } from './frame.tsx';
import { slotWhyText } from './slot-words.ts';

export function SlotPicker({
  m,
  needKey,
  owner,
  as,
}: {
  m: Market;
  needKey: string;
  owner: string;
  as?: string;
}) {
  const { t, dateLocale } = useI18n();
  const slots = useQuery(slotsQuery(m.summit.slug, needKey, as));
  const request = useRequestConsultation(m.summit.slug);
  const tableName = (key: string) => m.settings.tables.find((x) => x.key === key)?.name ?? key;
  const label = (s: SlotView) => t('market.book', { time: m.when(s.start, s.end), table: tableName(s.room) });
  const book = (s: SlotView) => request.mutate({ need: needKey, slot: s.id, as });
  const anyTime = () => request.mutate({ need: needKey, as });
  const refusal =
    request.error instanceof ApiError && request.error.status === 409
      ? (request.error.body as { alternatives?: string[]; why?: SlotWhy } | null)
      : null;
  const alternatives = refusal?.alternatives ?? [];
  return (
    <>
      <p>{t('market.slotsIntro', { minutes: m.settings.slotMinutes, zone: m.summit.timeZone })}</p>
      {request.isSuccess && (
        <p role="status">
          {request.data.start && request.data.end
            ? t('market.requested', {
                time: m.when(request.data.start, request.data.end),
                table: request.data.roomName ?? '',
                owner,
              })
            : t('market.requestedAnyTime', { owner })}
        </p>
      )}
      {refusal?.why ? (
        <p role="alert">{slotWhyText(t, refusal.why, dateLocale)}</p>
      ) : (
        <ErrorAlert error={request.error} />
      )}
      <Await query={slots}>
        {({ slots: all }) => {
          const free = all.filter((s) => s.bookable);
          const others = all.filter((s) => !s.bookable);
          const offered = alternatives.length ? free.filter((s) => alternatives.includes(s.id)) : [];
          return (
            <>
              {offered.length > 0 && (
                <>
                  <p>{t('market.alternatives')}</p>
                  <SlotButtons slots={offered} label={label} book={book} busy={request.isPending} />
                </>
              )}
              {free.length === 0 ? (
                <p>{t('market.noSlots')}</p>
              ) : (
                <SlotButtons slots={free} label={label} book={book} busy={request.isPending} />
              )}
              <p>
                <button type="button" className="secondary" disabled={request.isPending} onClick={anyTime}>
                  {t('market.anyTime')}
                </button>
              </p>
              {others.length > 0 && (
                <details>
                  <summary>{t('market.unbookable', { count: others.length })}</summary>
                  <ul>
                    {others.map((s) => (
                      <li key={s.id}>
                        {t('market.unbookableOne', {
                          time: m.when(s.start, s.end),
                          table: tableName(s.room),
                          reason: s.why ? slotWhyText(t, s.why, dateLocale) : (s.reason ?? ''),
                        })}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </Await>
    </>
  );
}

function SlotButtons({
  slots,
  label,
  book,
  busy,
}: {
  slots: SlotView[];
  label: (s: SlotView) => string;
  book: (s: SlotView) => void;
  busy: boolean;
}) {
  return (
    <ul className="slot-list">
      {slots.map((s) => (
        <li key={s.id}>
          <button type="button" className="secondary" disabled={busy} onClick={() => book(s)}>
            {label(s)}
          </button>
        </li>
      ))}
    </ul>
  );
}
