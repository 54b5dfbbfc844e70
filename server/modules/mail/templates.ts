// The messages Convene writes, in the recipient's language (i18n.ts). Plain text first (every
// client reads it), with a simple HTML part.
import type { GrantedRole, Language } from '../../../shared/domain/vocabulary.ts';
import { translator } from './i18n.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function html(paragraphs: string[], link?: { href: string; text: string }) {
  // Line breaks within a paragraph (a quoted message) stay line breaks.
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  const button = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return `<!doctype html><html><body style="font-family:sans-serif">${body}${button}</body></html>`;
}

export function signInMail(language: Language, link: string, minutes: number) {
  const t = translator(language);
  const intro = t('signIn.intro', { minutes });
  const ignore = t('signIn.ignore');
  return {
    subject: t('signIn.subject'),
    text: `${t('mail.hello')}\n\n${intro}\n\n${link}\n\n${ignore}\n`,
    html: html([t('mail.hello'), intro], { href: link, text: t('signIn.button') }) + html([ignore]),
  };
}

/** The role given, and the delegation (with its size) for a focal point or a delegate. */
export type GivenRole = { role: GrantedRole; delegation: { name: string; size: number } | null };

export function inviteMail(language: Language, summitName: string, given: GivenRole, signInUrl: string) {
  const t = translator(language);
  const intro = given.delegation
    ? t('invite.delegationRole', {
        summit: summitName,
        role: given.role,
        delegation: given.delegation.name,
        size: given.delegation.size,
      })
    : t('invite.role', { summit: summitName, role: given.role });
  const how = t('invite.how');
  return {
    subject: t('invite.subject', { summit: summitName }),
    text: `${t('mail.hello')}\n\n${intro}\n\n${how}\n\n${signInUrl}\n`,
    html: html([t('mail.hello'), intro, how], { href: signInUrl, text: t('invite.button') }),
  };
}
