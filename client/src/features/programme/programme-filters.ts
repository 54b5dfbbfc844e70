// The programme's filters (in the URL): a session is shown when it is of the kind asked for, in the
// room asked for, names the delegation asked for — directly or through one of its people — and is
// held in (or interpreted into) the language asked for.
import type { SessionKind } from '../../../../shared/domain/vocabulary.ts';
import type { PersonItem, SessionItem } from '../../../../shared/schemas/summit-file.ts';

export type ProgrammeFilters = {
  kind?: SessionKind;
  delegation?: string;
  room?: string;
  /** ISO 639-1: held in that language. */
  language?: string;
  /** ISO 639-1: interpreted into that language. */
  interpretation?: string;
};

export function filterSessions(
  sessions: readonly SessionItem[],
  filters: ProgrammeFilters,
  people: readonly Pick<PersonItem, 'key' | 'delegation'>[] = [],
): SessionItem[] {
  const { kind, delegation, room, language, interpretation } = filters;
  const delegationOf = new Map(people.map((p) => [p.key, p.delegation]));
  return sessions.filter(
    (s) =>
      (!kind || s.kind === kind) &&
      (!room || s.room === room) &&
      (!language || !!s.languages?.includes(language)) &&
      (!interpretation || !!s.interpretation?.includes(interpretation)) &&
      (!delegation ||
        s.participants.some(
          (p) =>
            p.delegation === delegation ||
            (p.person !== undefined && delegationOf.get(p.person) === delegation),
        )),
  );
}
