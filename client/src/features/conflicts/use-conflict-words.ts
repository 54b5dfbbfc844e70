// Conflicts (and placement's reasons) in the reader's language, wherever a page shows them: the sentences read the programme's
// lists (the same queries the pages read, so usually in the cache already) and the summit's zone.
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Conflict } from '../../../../shared/domain/conflicts/types.ts';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import type { Session } from '../../../../shared/domain/programme.ts';
import type { MoveWhy } from '../../../../shared/domain/resolution/moves.ts';
import type { PlacementWhy } from '../../../../shared/domain/resolution/placement-reasons.ts';
import type {
  DelegationItem,
  PersonItem,
  RoomItem,
  SessionItem,
} from '../../../../shared/schemas/summit-file.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { listQuery } from '../programme/api.ts';
import { summitQuery } from '../summits/api.ts';
import { conflictContext, conflictWriter } from './conflict-words.ts';
import { moveWhyWriter, placementWhyWriter } from './placement-words.ts';

/** Says a conflict; `instead`: sessions as a check sees them (a move, an unsaved edit). */
export type SayConflict = (c: Conflict, instead?: readonly Session[]) => string;

/** Items a page holds that the lists may not show its reader (a delegation's own drafts). */
export type KnownItems = {
  rooms?: readonly RoomItem[];
  delegations?: readonly DelegationItem[];
  people?: readonly PersonItem[];
  sessions?: readonly SessionItem[];
};

// A list the reader may not read counts as empty (one empty list, so that memos hold): the page's
// own items stand in for it.
const NONE: never[] = [];
const listed = <T>(q: UseQueryResult<T[]>): T[] | undefined => q.data ?? (q.isError ? NONE : undefined);
const withKnown = <T extends { key: string }>(list: T[], known: readonly T[] = []): T[] =>
  known.length ? [...list.filter((i) => !known.some((k) => k.key === i.key)), ...known] : list;

/** The programme as the reader may see it, with its summit's zone offsets; null until it is in. */
function useProgramme(slug: string, known?: KnownItems) {
  const summit = useQuery(summitQuery(slug)).data;
  const rooms = listed(useQuery(listQuery(slug, 'rooms')));
  const segments = listed(useQuery(listQuery(slug, 'segments')));
  const delegations = listed(useQuery(listQuery(slug, 'delegations')));
  const people = listed(useQuery(listQuery(slug, 'people')));
  const sessions = listed(useQuery(listQuery(slug, 'sessions')));
  return useMemo(() => {
    if (!summit || !rooms || !segments || !delegations || !people || !sessions) return null;
    const programme = programmeFromItems({
      summit,
      rooms: withKnown(rooms, known?.rooms),
      segments,
      delegations: withKnown(delegations, known?.delegations),
      people: withKnown(people, known?.people),
      sessions: withKnown(sessions, known?.sessions),
    });
    // Whether every list could be read: a sentence written without one would name keys.
    const complete = ![rooms, segments, delegations, people, sessions].some((l) => l === NONE);
    return { programme, offsets: summit.offsets, complete };
  }, [summit, rooms, segments, delegations, people, sessions, known]);
}

export function useConflictWords(slug: string, known?: KnownItems): SayConflict {
  const { t, dateLocale } = useI18n();
  const held = useProgramme(slug, known);
  return useMemo(() => {
    // Until the programme is in, the kind of conflict is all that can be said.
    if (!held) return (c: Conflict) => t(`conflict.${c.code}`);
    const { programme, offsets } = held;
    const say = conflictWriter(conflictContext(programme, offsets), t, dateLocale);
    return (c: Conflict, instead?: readonly Session[]) =>
      instead?.length
        ? conflictWriter(conflictContext(programme, offsets, instead), t, dateLocale)(c)
        : say(c);
  }, [held, t, dateLocale]);
}

/**
 * Placement's reasons and the note on why no move is proposed, in the reader's language from their
 * `why`; the API's English (`english`) until the programme is in (or where the reader may not read
 * all of it), or from a server without `why`.
 */
export function useReasonWords(slug: string): {
  placement: (why: PlacementWhy | undefined, english: string) => string;
  move: (why: MoveWhy | undefined, english: string) => string;
} {
  const { t, dateLocale } = useI18n();
  const held = useProgramme(slug);
  return useMemo(() => {
    const ctx = held?.complete ? conflictContext(held.programme, held.offsets) : null;
    const placement = ctx && placementWhyWriter(ctx, t, dateLocale);
    const move = ctx && moveWhyWriter(ctx, t, dateLocale);
    return {
      placement: (why, english) => (why && placement ? placement(why) : english),
      move: (why, english) => (why && move ? move(why) : english),
    };
  }, [held, t, dateLocale]);
}
