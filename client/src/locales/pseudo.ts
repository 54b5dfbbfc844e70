// The pseudo-locale ("en-XA"), a translator's and tester's tool: the English catalogue with every
// letter accented and each message about 30 % longer, in brackets. A page in it shows at once any
// English left hard-coded (plain letters), any text cut off or overflowing (the longer words), and
// any message put together from pieces (brackets in the middle of a sentence). Dates, numbers and
// lists are formatted in Greek, so that every plain Latin word left on a page is data or a defect.
// It is not offered in the language switch: choose it with `localStorage.locale = 'en-XA'`.

/** The pseudo-locale's code, and the language its dates, numbers and lists are formatted in. */
export const PSEUDO_LOCALE = 'en-XA';
export const PSEUDO_FORMAT_LOCALE = 'el';

const LOWER = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž';
const UPPER = 'ÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';

/** Plain text with every ASCII letter replaced by an accented one. */
export function accent(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 97 && code <= 122) out += LOWER[code - 97];
    else if (code >= 65 && code <= 90) out += UPPER[code - 65];
    else out += ch;
  }
  return out;
}

/** What a message of `length` characters gets added to read about 30 % longer. */
export const padding = (length: number): string => ' ' + '·'.repeat(Math.max(1, Math.ceil(length * 0.3) - 1));
