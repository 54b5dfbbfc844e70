// Building blocks of fields, shared by the summit file and every API body, so that a name is checked
// and normalised the same way whether it comes from an import, a POST or a PATCH.
import { z } from 'zod';
import { namedPattern, type ProblemParams, problemParams } from './problems.ts';

// C0 and C1 control characters (NUL, tab, CR, LF, ESC, NEL…) and the Unicode line and paragraph
// separators: none belongs in a single line, and PostgreSQL refuses NUL in text outright.
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
// Bidirectional embeddings, overrides and isolates: they can make a name display as something
// else (in a mail subject, a list), and a plain name never needs them.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What shows nothing on its own: white space, format characters (zero-width spaces and joiners,
// the byte order mark, the soft hyphen), marks without a base, and the Hangul and Braille blanks.
const INVISIBLE = /^[\s\p{Cf}\p{M}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/**
 * A custom issue's message and its code (see problems.ts), to pass to `ctx.addIssue`: a new object
 * each time, since zod writes into the issue it is given.
 */
const issue = (message: string, code: string, params?: ProblemParams) => ({
  code: 'custom' as const,
  message,
  params: problemParams(code, params),
});
const SURROGATE = () => issue('must not contain an unpaired surrogate (broken UTF-16)', 'surrogate');
const BIDI_ISSUE = () =>
  issue('must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)', 'bidi');
const INVISIBLE_ISSUE = () => issue('must contain a visible character', 'invisible');

/** What is wrong with a line as typed, whatever it is for (a URL, a token, a name). */
function lineProblem(value: string) {
  if (LONE_SURROGATE.test(value)) return SURROGATE();
  if (hasControl(value)) return issue('must be one line without control characters', 'control');
  return null;
}

/** A single line taken as it is (a URL path, a secret): no control characters, valid UTF-16. */
export const plainLine = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = lineProblem(value);
      if (problem) ctx.addIssue(problem);
    });

/**
 * A name, a title or another single line of text people read: normalised to NFC and trimmed, then
 * refused if it holds a control character or line break, a bidirectional override, an unpaired
 * surrogate, or nothing visible. `required` text must not be empty; other text may be "".
 */
export const singleLine = (max: number, opts: { required?: boolean } = {}) =>
  z
    .string()
    .superRefine((value, ctx) => {
      // Checked before normalising: NFC keeps an unpaired surrogate, but better say so first.
      if (LONE_SURROGATE.test(value)) ctx.addIssue(SURROGATE());
    })
    .normalize('NFC')
    .trim()
    .superRefine((value, ctx) => {
      if (LONE_SURROGATE.test(value)) return; // reported above
      const problem = lineProblem(value);
      if (problem) ctx.addIssue(problem);
      else if (BIDI.test(value)) ctx.addIssue(BIDI_ISSUE());
      else if (value === '' && opts.required) ctx.addIssue(issue('must not be empty', 'empty'));
      else if (value !== '' && INVISIBLE.test(value)) ctx.addIssue(INVISIBLE_ISSUE());
    })
    .max(max);

/**
 * An optional field: left out or given as null, both mean "not set" (the summit-file contract).
 * The value read has no null; the JSON schema of a request says null is allowed, that of a reply
 * does not.
 */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.codec(schema.nullish(), schema.optional(), {
    decode: (value) => (value ?? undefined) as z.input<T> | undefined,
    encode: (value) => value as z.output<T> | undefined,
  });

/** An optional field with a default: left out or given as null, it takes the default. */
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.codec(schema.nullish(), schema, {
    decode: (value) => (value ?? fallback) as z.input<T>,
    encode: (value) => value as z.output<T>,
  });

/**
 * Text of several lines (a description, a programme item): normalised to NFC, line breaks made
 * "\n", trimmed. Line breaks and tabs are welcome; other control characters, bidirectional
 * overrides and unpaired surrogates are refused as in a single line. May be "".
 */
export const paragraphs = (max: number) =>
  z
    .string()
    .superRefine((value, ctx) => {
      if (LONE_SURROGATE.test(value)) ctx.addIssue(SURROGATE());
    })
    .normalize('NFC')
    .overwrite((value) => value.replace(/\r\n?|\u2028|\u2029/g, '\n'))
    .trim()
    .superRefine((value, ctx) => {
      if (LONE_SURROGATE.test(value)) return; // reported above
      if (hasControl(value.replace(/[\n\t]/g, ' ')))
        ctx.addIssue(issue('must not contain control characters other than line breaks', 'controlInText'));
      else if (BIDI.test(value)) ctx.addIssue(BIDI_ISSUE());
      else if (value !== '' && INVISIBLE.test(value)) ctx.addIssue(INVISIBLE_ISSUE());
    })
    .max(max);

/** A key: the file's own identifier of an item, kept as its external id. */
export const keySchema = z
  .string()
  .regex(
    namedPattern(/^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/, 'keyFormat'),
    'a key is 1 to 100 letters, digits, ".", "_", "~", ":" or "-", starting with a letter or digit',
  );
export const slugSchema = z
  .string()
  .regex(namedPattern(/^[a-z0-9-]{2,64}$/, 'slugFormat'), 'a slug is 2 to 64 of a-z, 0-9 and "-"');

/** A check's refusal with its code, for `.refine(fn, withCode('lists a value twice', 'duplicate'))`. */
export const withCode = (message: string, code: string, params?: ProblemParams) => ({
  message,
  params: problemParams(code, params),
});
