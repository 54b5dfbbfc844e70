// The messages of the Marketplace, in the recipient's language: a request to a need's owner; the
// answer (accepted, declined, cancelled) to the provider who asked. Names and times as people know
// them, never keys; times in the summit's zone.
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { intervalText, listText, type MailKey, translator } from './i18n.ts';
import { html } from './templates.ts';

export type ConsultationFacts = {
  /** The recipient's language. */
  language: Language;
  summit: string;
  timeZone: string;
  need: string;
  owner: string;
  /** The providers' names, joined in the recipient's language. */
  providers: readonly string[];
  /** Its table and time; null while a slot is still to be set. */
  place: { table: string; start: number; end: number } | null;
  link: string;
};

export type ConsultationEvent = 'requested' | 'accepted' | 'declined' | 'cancelled' | 'scheduled';

export function consultationMail(event: ConsultationEvent, f: ConsultationFacts) {
  const t = translator(f.language);
  const key = (part: string) => `consultation.${event}.${part}` as MailKey;
  // "Thu 6 Dec 11:45–12:15 (Africa/Casablanca)" in the summit's zone.
  const when =
    f.place && `${intervalText(f.language, f.place.start, f.place.end, f.timeZone, 'short')} (${f.timeZone})`;
  const at =
    f.place && when ? t('consultation.at', { table: f.place.table, when }) : t('consultation.atUnset');
  const args = {
    summit: f.summit,
    need: f.need,
    owner: f.owner,
    providers: listText(f.language, f.providers),
    at,
    when: when ?? '',
  };
  const says =
    event === 'declined' && when ? t('consultation.declined.saysWhen', args) : t(key('says'), args);
  const body = [t('mail.hello'), says, t(key('next'))];
  const linkText = t(key('link'));
  const seeIt = `${linkText}:`;
  return {
    subject: t(key('subject'), { need: f.need }),
    text: `${body.join('\n\n')}\n\n${seeIt}\n${f.link}\n`,
    html: html([...body, seeIt], { href: f.link, text: linkText }),
  };
}
