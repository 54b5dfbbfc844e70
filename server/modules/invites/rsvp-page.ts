// The small pages an RSVP link opens. A link opens a page that asks, and only the button records
// the answer (a POST): mail scanners and link previews fetch every link in a message, and must not
// answer for the person.
import type { RsvpAnswer } from '../../../shared/schemas/invites.ts';
import type { RsvpSubject } from './invites.service.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SAY: Record<RsvpAnswer, string> = {
  accepted: 'I will attend',
  tentative: 'I may attend',
  declined: 'I will not attend',
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;

/** The question, with a button that posts the answer to the same address. */
export function askPage(s: RsvpSubject, answer: RsvpAnswer, action: string): string {
  return page(
    `${s.title}: your answer`,
    `<h1>${escapeHtml(s.title)}</h1><p>${escapeHtml(s.summit)}</p>` +
      `<form method="post" action="${escapeHtml(action)}"><p>${escapeHtml(s.person)}: ` +
      `<button type="submit">${escapeHtml(SAY[answer])}</button></p></form>`,
  );
}

export function answeredPage(s: RsvpSubject, answer: RsvpAnswer): string {
  return page(
    `${s.title}: answer recorded`,
    `<h1>${escapeHtml(s.title)}</h1><p>${escapeHtml(s.summit)}</p>` +
      `<p>Thank you, ${escapeHtml(s.person)}: your answer “${escapeHtml(SAY[answer])}” is recorded. ` +
      'You may change it with another link of the invitation.</p>',
  );
}
