// Building blocks of fields, shared by the summit file and every API body, so that a name is checked
// and normalised the same way whether it comes from an import, a POST or a PATCH.
import { z } from 'zod';

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

type Problem = { message: string } | null;

/** What is wrong with a line as typed, whatever it is for (a URL, a token, a name). */
function lineProblem(value: string): Problem {
  if (LONE_SURROGATE.test(value))
    return { message: 'must not contain an unpaired surrogate (broken UTF-16)' };
  if (hasControl(value)) return { message: 'must be one line without control characters' };
  return null;
}

/** A single line taken as it is (a URL path, a secret): no control characters, valid UTF-16. */
export const plainLine = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = lineProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', ...problem });
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
      if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: 'custom', message: lineProblem(value)!.message });
    })
    .normalize('NFC')
    .trim()
    .superRefine((value, ctx) => {
      if (LONE_SURROGATE.test(value)) return; // reported above
      const problem = lineProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', ...problem });
      else if (BIDI.test(value))
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
        });
      else if (value === '' && opts.required) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
      else if (value !== '' && INVISIBLE.test(value))
        ctx.addIssue({ code: 'custom', message: 'must contain a visible character' });
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
      if (LONE_SURROGATE.test(value)) ctx.addIssue({ code: 'custom', message: lineProblem(value)!.message });
    })
    .normalize('NFC')
    .overwrite((value) => value.replace(/\r\n?|\u2028|\u2029/g, '\n'))
    .trim()
    .superRefine((value, ctx) => {
      if (LONE_SURROGATE.test(value)) return; // reported above
      if (hasControl(value.replace(/[\n\t]/g, ' ')))
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain control characters other than line breaks',
        });
      else if (BIDI.test(value))
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)',
        });
      else if (value !== '' && INVISIBLE.test(value))
        ctx.addIssue({ code: 'custom', message: 'must contain a visible character' });
    })
    .max(max);

/** A key: the file's own identifier of an item, kept as its external id. */
export const keySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/,
    'a key is 1 to 100 letters, digits, ".", "_", "~", ":" or "-", starting with a letter or digit',
  );
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,64}$/, 'a slug is 2 to 64 of a-z, 0-9 and "-"');
