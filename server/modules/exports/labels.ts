// The words the exports write for the programme's vocabularies (English, as the server's mail is).
import type { Role, SessionKind } from '../../../shared/domain/vocabulary.ts';
import { ROLES } from '../../../shared/domain/vocabulary.ts';
import type { ExportSession } from './published-programme.ts';

export const KIND_LABELS: Record<SessionKind, string> = {
  plenary: 'Plenary',
  roundtable: 'Roundtable',
  side_event: 'Side event',
  marketplace_consultation: 'Marketplace consultation',
  special_session: 'Special session',
  meeting: 'Meeting',
};

const ROLE_LABELS: Record<Role, string> = {
  co_chair: 'Co-chairs',
  rapporteur: 'Rapporteurs',
  thematic_lead: 'Thematic leads',
  moderator: 'Moderators',
  panellist: 'Panellists',
  speaker: 'Speakers',
  organiser: 'Organisers',
  owner: 'Owners',
  provider: 'Providers',
  participant: 'Participants',
  observer: 'Observers',
  visitor: 'Visitors',
};

/** "Co-chairs: Germany, Morocco. Moderators: Daniela Morari." in the order of the roles. */
export function namedByRole(s: ExportSession): string {
  return ROLES.flatMap((role) => {
    const names = s.named.filter((n) => n.role === role).map((n) => n.name);
    return names.length ? [`${ROLE_LABELS[role]}: ${names.join(', ')}.`] : [];
  }).join(' ');
}

/** "Palmeraie Plenary Hall, Conference Centre, Palmeira Resorts, Marrakesh": the parts that are known. */
export function locationOf(s: ExportSession, venue: string): string | null {
  const parts = [s.room?.name, s.room?.building, venue].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}
