// The words the exports write for the programme's vocabularies, in the summit's language (the
// server's catalogues, server/modules/mail/locales).
import type { Language, SessionKind } from '../../../shared/domain/vocabulary.ts';
import { ROLES } from '../../../shared/domain/vocabulary.ts';
import { translator } from '../mail/mail.service.ts';
import type { ExportSession } from './published-programme.ts';

/** A kind of session as the exports name it, in the summit's language ("Table ronde"). */
export const kindLabel = (kind: SessionKind, language: Language): string =>
  translator(language)(`kind.${kind}`);

/**
 * "Co-chairs: Germany, Morocco. Moderators: Daniela Morari." in the order of the roles, in the
 * summit's language ("Coprésidence : Germany, Morocco.").
 */
export function namedByRole(s: ExportSession, language: Language = 'en'): string {
  const t = translator(language);
  return ROLES.flatMap((role) => {
    const names = s.named.filter((n) => n.role === role).map((n) => n.name);
    return names.length
      ? [t('export.named', { role: t(`export.role.${role}`), names: names.join(', ') })]
      : [];
  }).join(' ');
}

/** "Palmeraie Plenary Hall, Conference Centre, Palmeira Resorts, Marrakesh": the parts that are known. */
export function locationOf(s: ExportSession, venue: string): string | null {
  const parts = [s.room?.name, s.room?.building, venue].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}
