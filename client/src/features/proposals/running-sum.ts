// The programme's running sum against the event's duration, in words, as the organiser types:
// "70 of 75 minutes: 5 left to plan".
import { programmeMinutes } from '../../../../shared/domain/proposals.ts';
import type { Translate } from '../../lib/i18n.tsx';

/** Minutes typed so far (what is not a whole positive number counts nothing). */
export function typedMinutes(items: readonly { minutes?: string | number }[] | undefined): number {
  return programmeMinutes(
    (items ?? []).map((x) => {
      const n = Number(x.minutes);
      return { minutes: x.minutes !== '' && Number.isInteger(n) && n > 0 ? n : 0 };
    }),
  );
}

export function runningSumText(t: Translate, total: number, duration: number | undefined): string {
  if (duration === undefined) return t('proposal.sum.noDuration', { total });
  if (total === duration) return t('proposal.sum.exact', { total, duration });
  if (total < duration) return t('proposal.sum.under', { total, duration, left: duration - total });
  return t('proposal.sum.over', { total, duration, over: total - duration });
}
