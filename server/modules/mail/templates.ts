// The messages Convene writes. Plain text first (every client reads it), with a simple HTML part.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function html(paragraphs: string[], link?: { href: string; text: string }) {
  // Line breaks within a paragraph (a quoted message) stay line breaks.
  const body = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  const button = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return `<!doctype html><html><body style="font-family:sans-serif">${body}${button}</body></html>`;
}

export function signInMail(link: string, minutes: number) {
  const intro = `Use this link to sign in to Convene. It works once, within ${minutes} minutes:`;
  const ignore = 'If you did not ask to sign in, ignore this message: nothing happens without the link.';
  return {
    subject: 'Your sign-in link for Convene',
    text: `Hello,\n\n${intro}\n\n${link}\n\n${ignore}\n`,
    html: html(['Hello,', intro], { href: link, text: 'Sign in to Convene' }) + html([ignore]),
  };
}

export function inviteMail(summitName: string, roleText: string, signInUrl: string) {
  const intro = `You have been given a role in ${summitName}: ${roleText}.`;
  const how = 'Sign in with this e-mail address; you will receive a link, no password needed:';
  return {
    subject: `Invitation: ${summitName}`,
    text: `Hello,\n\n${intro}\n\n${how}\n\n${signInUrl}\n`,
    html: html(['Hello,', intro, how], { href: signInUrl, text: 'Sign in' }),
  };
}
