// Why placement left a session out, and why no move is proposed for one, in the reader's language:
// written from the API's `why` (shared/domain/resolution/placement-reasons.ts, moves.ts) and the
// programme the browser holds (names of rooms, segments, people and delegations; times in the
// summit's zone). The API's `reason` and `note` are their English twins;
// tests/unit/client/placement-words.test.ts keeps the two saying the same thing.
import type { MoveWhy } from '../../../../shared/domain/resolution/moves.ts';
import type {
  PlacementWhy,
  WhyInterval,
  WhyNeeds,
} from '../../../../shared/domain/resolution/placement-reasons.ts';
import type { MessageKey } from '../../locales/en.ts';
import type { Translate } from '../../lib/i18n.tsx';
import { type ConflictContext, conflictWriter, intervalWriter } from './conflict-words.ts';

/** Writes placement's reasons in one language; `locale` formats times and lists ("en-GB", "fr"). */
export function placementWhyWriter(ctx: ConflictContext, t: Translate, locale: string) {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const interval = intervalWriter(ctx, t, locale);
  const conflict = conflictWriter(ctx, t, locale);
  const when = (at: WhyInterval) => interval(Date.parse(at.start), Date.parse(at.end));
  const times = (at: WhyInterval | undefined) =>
    at ? t('plan.why.atItsTime', { when: when(at) }) : t('plan.why.atEveryTime');
  const roomName = (key: string) => ctx.rooms.get(key)?.name ?? key;
  const personName = (key: string) => ctx.people.get(key)?.name ?? key;
  const delegationName = (key: string) => ctx.delegations.get(key)?.name ?? key;
  /** At most `most` names, then how many more. */
  const some = (names: string[], most: number) =>
    list.format(
      names.length <= most
        ? names
        : [...names.slice(0, most), t('plan.why.others', { count: names.length - most })],
    );
  const needs = (n: WhyNeeds) =>
    list.format([
      ...n.equipment.map((e) => t(`plan.why.equipment.${e}` as MessageKey)),
      ...(n.microphones !== null ? [t('conflictText.microphones', { count: n.microphones })] : []),
    ]);

  return (why: PlacementWhy): string => {
    switch (why.code) {
      case 'pinned':
      case 'outOfTime':
      case 'outOfTimeReason':
      case 'outOfTimeSearch':
      case 'noRooms':
        return t(`plan.why.${why.code}`);
      case 'tooLong': {
        const segment = why.segment !== undefined ? ctx.segments.get(why.segment) : undefined;
        const window =
          why.window === 'segment'
            ? t('plan.why.window.segment', {
                segment: segment?.title ?? why.segment ?? '',
                when: when({ start: why.from ?? '', end: why.to ?? '' }),
              })
            : t(`plan.why.window.${why.window}`);
        return t('plan.why.tooLong', { minutes: why.minutes, window });
      }
      case 'ownRoomSeats':
        return t('plan.why.ownRoomSeats', {
          room: roomName(why.room),
          capacity: why.capacity,
          expected: why.expected,
        });
      case 'ownRoomLacks':
        return t('plan.why.ownRoomLacks', { room: roomName(why.room), needs: needs(why.needs) });
      case 'noRoomSeats':
        return t('plan.why.noRoomSeats', { expected: why.expected });
      case 'noRoomHas':
        return t('plan.why.noRoomHas', { needs: needs(why.needs) });
      case 'noRoomSeatsAndHas':
        return t('plan.why.noRoomSeatsAndHas', { expected: why.expected, needs: needs(why.needs) });
      case 'peopleBusy': {
        const names = why.people.map(({ person, role }) =>
          role
            ? t('plan.why.personInRole', { role: t(`roleOne.${role}`), name: personName(person) })
            : personName(person),
        );
        return t('plan.why.peopleBusy', {
          count: names.length,
          people: list.format(names),
          when: times(why.at),
        });
      }
      case 'delegationsBusy':
        return t('plan.why.delegationsBusy', {
          delegations: list.format(
            why.delegations.map((d) =>
              t('plan.why.delegationBusy', { size: d.size, delegation: delegationName(d.delegation) }),
            ),
          ),
          when: times(why.at),
        });
      case 'everyoneBusy':
        return t('plan.why.everyoneBusy', {
          names: some([...why.people.map(personName), ...why.delegations.map(delegationName)], 4),
        });
      case 'ownRoomBooked':
        return t('plan.why.ownRoomBooked', {
          room: roomName(why.room),
          whenFree: why.whenFree ? 'yes' : 'no',
        });
      case 'roomsBooked':
        return why.at
          ? t('plan.why.roomsBookedAt', { when: when(why.at) })
          : t('plan.why.roomsBooked', { whenFree: why.whenFree ? 'yes' : 'no' });
      case 'keepsNoTime':
        return t('plan.why.keepsNoTime', { conflict: conflict(why.conflict) });
      case 'hardRule':
        return why.conflict
          ? t('plan.why.hardRuleSuchAs', { conflict: conflict(why.conflict) })
          : t('plan.why.hardRule');
      case 'taken': {
        const titles = some(
          why.titles.map((title) => t('conflictText.quote', { title })),
          3,
        );
        const count = why.titles.length;
        return why.at
          ? t('plan.why.takenAt', { count, when: when(why.at), titles })
          : t('plan.why.taken', { count, titles });
      }
    }
  };
}

/** Writes why no move is proposed for a session, in one language. */
export function moveWhyWriter(ctx: ConflictContext, t: Translate, locale: string) {
  const reason = placementWhyWriter(ctx, t, locale);
  return (why: MoveWhy): string =>
    why.code === 'noMove'
      ? t('planning.why.noMove', { reason: reason(why.reason) })
      : t(`planning.why.${why.code}`);
}
