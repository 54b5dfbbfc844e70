// react-hook-form with the zod schema the server's route validates with: the browser checks what
// the server will check, and what only the server can know (a role already given, a key taken)
// comes back as problems that land on the field they name. Either way a problem is said in the
// reader's language (problem-text.ts), not in zod's or the API's English. A refused submit (the
// browser's check or the server's) moves the focus to the form's error summary
// (components/error-summary.tsx), whose links take it on to each field.
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import {
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { useState } from 'react';
import type { z } from 'zod';
import { type Problem, zodProblems } from '../../../shared/schemas/problems.ts';
import { ApiError, describeProblems } from './api.ts';
import { useI18n } from './i18n.tsx';
import { joinProblems, problemText } from './problem-text.ts';

/** How a problem reads to this reader. */
export type SayProblem = (problem: Problem) => string;
const english: SayProblem = (p) => p.message;

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type Input<S extends ObjectSchema> = z.input<S> & FieldValues;

export type SchemaForm<S extends ObjectSchema> = UseFormReturn<Input<S>, unknown, z.output<S>> & {
  /** Puts a failed write's problems on their fields, the others (and network errors) on `root.server`. */
  showProblems(error: unknown): void;
  /** How many submits were refused so far: the error summary takes the focus at each. */
  refused: number;
};

export function useSchemaForm<S extends ObjectSchema>(
  schema: S,
  options: Omit<UseFormProps<Input<S>, unknown, z.output<S>>, 'resolver'> = {},
): SchemaForm<S> {
  const { t, dateLocale } = useI18n();
  const say: SayProblem = (p) => problemText(t, p, dateLocale);
  const [refused, setRefused] = useState(0);
  const form = useForm<Input<S>, unknown, z.output<S>>({
    // The summary takes the focus, not the first field: it says how many problems there are.
    shouldFocusError: false,
    ...options,
    resolver: schemaResolver<Input<S>, z.output<S>>(schema, say),
  });
  const showProblems = (error: unknown) => {
    const { field, other } = placeProblems(error, Object.keys(schema.shape), say);
    for (const [name, message] of field) {
      form.setError(name as Path<Input<S>>, { type: 'server', message });
    }
    if (other) form.setError('root.server', other);
    setRefused((n) => n + 1);
  };
  const handleSubmit: typeof form.handleSubmit = (valid, invalid) =>
    form.handleSubmit(valid, (errors, event) => {
      setRefused((n) => n + 1);
      return invalid?.(errors, event);
    });
  return { ...form, handleSubmit, showProblems, refused };
}

/**
 * Which field each problem belongs to (several on one field are joined), and what is left for the
 * form's top: problems naming no field of the form, or an error that is no refusal at all.
 */
export function placeProblems(
  error: unknown,
  fields: readonly string[],
  say: SayProblem = english,
): { field: [string, string][]; other: { type: 'server' | 'network'; message: string } | null } {
  if (!(error instanceof ApiError)) {
    return { field: [], other: { type: 'network', message: error instanceof Error ? error.message : '' } };
  }
  const byField = new Map<string, string[]>();
  const rest = error.problems.filter((p) => {
    if (!fields.includes(p.path)) return true;
    byField.set(p.path, [...(byField.get(p.path) ?? []), say(p)]);
    return false;
  });
  const field = [...byField].map(([name, messages]): [string, string] => [name, joinProblems(messages)]);
  const other =
    rest.length > 0 || field.length === 0
      ? { type: 'server' as const, message: describeProblems(rest, say) || error.message }
      : null;
  return { field, other };
}

/**
 * A resolver that checks the values with `schema` and says each field's first problem with `say`
 * (zodResolver would give zod's English). Problems in rows (`programme.2.minutes`) are nested as
 * react-hook-form expects, by the resolvers' own `toNestErrors`.
 */
export function schemaResolver<Values extends FieldValues, Output>(
  schema: z.ZodType,
  say: SayProblem,
): Resolver<Values, unknown, Output> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: parsed.data as Output, errors: {} };
    }
    const problems = zodProblems(parsed.error);
    // Keyed by react-hook-form's dotted names; a null prototype so that a field named
    // "constructor" is not taken as already having a problem.
    const errors: Record<string, FieldError> = Object.create(null);
    parsed.error.issues.forEach((issue, i) => {
      const name = issue.path.map(String).join('.');
      errors[name] ??= { type: issue.code, message: say(problems[i]!) };
    });
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
