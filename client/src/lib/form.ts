// react-hook-form with the zod schema the server's route validates with: the browser checks what
// the server will check, and what only the server can know (a role already given, a key taken)
// comes back as problems that land on the field they name. A refused submit (the browser's check
// or the server's) moves the focus to the form's error summary (components/error-summary.tsx),
// whose links take it on to each field.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError, describeProblems } from './api.ts';

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
  const [refused, setRefused] = useState(0);
  const form = useForm<Input<S>, unknown, z.output<S>>({
    // The summary takes the focus, not the first field: it says how many problems there are.
    shouldFocusError: false,
    ...options,
    // The resolver's overloads cannot see that a generic zod object's input is a FieldValues.
    resolver: zodResolver(schema as never) as unknown as Resolver<Input<S>, unknown, z.output<S>>,
  });
  const showProblems = (error: unknown) => {
    const { field, other } = placeProblems(error, Object.keys(schema.shape));
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
): { field: [string, string][]; other: { type: 'server' | 'network'; message: string } | null } {
  if (!(error instanceof ApiError)) {
    return { field: [], other: { type: 'network', message: error instanceof Error ? error.message : '' } };
  }
  const byField = new Map<string, string[]>();
  const rest = error.problems.filter((p) => {
    if (!fields.includes(p.path)) return true;
    byField.set(p.path, [...(byField.get(p.path) ?? []), p.message]);
    return false;
  });
  const field = [...byField].map(([name, messages]): [string, string] => [name, messages.join('; ')]);
  const other =
    rest.length > 0 || field.length === 0
      ? { type: 'server' as const, message: describeProblems(rest) || error.message }
      : null;
  return { field, other };
}
