// The forms' resolver checks with the shared schema and says each field's first problem in the
// reader's language, nested as react-hook-form reads rows (`programme.1.minutes`).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaResolver } from '../../../client/src/lib/form.ts';
import { translator } from '../../../client/src/lib/i18n.tsx';
import { problemText } from '../../../client/src/lib/problem-text.ts';
import { singleLine } from '../../../shared/schemas/fields.ts';

const schema = z.strictObject({
  title: singleLine(5, { required: true }),
  programme: z.array(z.strictObject({ minutes: z.int().min(1), item: singleLine(100) })),
});
type Values = z.input<typeof schema>;
const options = { fields: {}, shouldUseNativeValidation: false } as never;
const resolve = (locale: string, values: Values) => {
  const t = translator(locale);
  return schemaResolver<Values, z.output<typeof schema>>(schema, (p) => problemText(t, p, locale))(
    values,
    undefined,
    options,
  );
};

describe('schemaResolver', () => {
  it('puts each field’s first problem, in French, on its field and on a row’s field', async () => {
    const result = await resolve('fr', {
      title: '   ',
      programme: [
        { minutes: 10, item: 'a' },
        { minutes: 0, item: '\u200b' },
      ],
    });
    expect(result).toEqual({
      values: {},
      errors: {
        title: { type: 'custom', message: 'Ce champ est obligatoire.', ref: undefined },
        programme: [
          undefined,
          {
            minutes: { type: 'too_small', message: 'Doit être supérieur ou égal à 1.', ref: undefined },
            item: { type: 'custom', message: 'Saisissez au moins un caractère visible.', ref: undefined },
          },
        ],
      },
    });
  });
  it('says the length limit in Spanish, and gives the parsed values when all is well', async () => {
    const long = await resolve('es', { title: 'Marrakesh', programme: [] });
    expect(long.errors).toEqual({
      title: { type: 'too_big', message: 'No debe superar 5 caracteres.', ref: undefined },
    });
    await expect(resolve('en', { title: '  Talk ', programme: [] })).resolves.toEqual({
      values: { title: 'Talk', programme: [] },
      errors: {},
    });
  });
});
