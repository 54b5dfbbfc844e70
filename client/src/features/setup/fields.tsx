// The controls of the set-up forms, described as data: each field of a shared zod schema gets a
// control of its type, its label and its message (the browser's check or the server's).
import { useEffect } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../locales/en.ts';

export type Option = { value: string; label: string };
export type FieldSpec = {
  name: string;
  label: MessageKey;
  type: 'text' | 'email' | 'number' | 'date' | 'datetime' | 'select' | 'checkboxes';
  /** Selects and checkboxes. */
  options?: Option[];
  /** May be left empty (a select gets a "(none)" choice). */
  optional?: boolean;
  /** Shown on a new item only. */
  createOnly?: boolean;
  hint?: MessageKey;
};

/** What an input holds as the schema reads it: an empty optional field is null, a number a number. */
function valueAs(spec: FieldSpec) {
  return (v: unknown) => {
    if (spec.type === 'checkboxes') return Array.isArray(v) ? v : v ? [v] : [];
    if (v === '' || v === null || v === undefined)
      return spec.optional ? null : spec.type === 'number' ? undefined : '';
    return spec.type === 'number' ? Number(v) : v;
  };
}

export function Fields<V extends FieldValues>({
  idPrefix,
  specs,
  form,
  zone,
}: {
  idPrefix: string;
  specs: FieldSpec[];
  form: UseFormReturn<V, unknown, unknown>;
  zone: string;
}) {
  const { t } = useI18n();
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  return (
    <>
      {specs.map((spec) => {
        const id = `${idPrefix}-${spec.name}`;
        const name = spec.name as Path<V>;
        const registered = form.register(name, { setValueAs: valueAs(spec) });
        if (spec.type === 'checkboxes') {
          return (
            <fieldset key={spec.name} className="checkbox-group">
              <legend>{t(spec.label)}</legend>
              {spec.options?.map((o) => (
                <label key={o.value}>
                  <input type="checkbox" value={o.value} {...registered} /> {o.label}
                </label>
              ))}
              {errors[spec.name]?.message && <p className="field-message">{errors[spec.name]?.message}</p>}
            </fieldset>
          );
        }
        return (
          <Field key={spec.name} id={id} label={t(spec.label, { zone })} error={errors[spec.name]}>
            {(control) =>
              spec.type === 'select' ? (
                <select {...control} {...registered}>
                  {spec.optional && <option value="">{t('edit.noChoice')}</option>}
                  {spec.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <>
                  <input
                    {...control}
                    {...registered}
                    type={spec.type === 'datetime' ? 'datetime-local' : spec.type}
                    required={!spec.optional || undefined}
                    aria-describedby={
                      [control['aria-describedby'], spec.hint && `${id}-hint`].filter(Boolean).join(' ') ||
                      undefined
                    }
                  />
                  {spec.hint && (
                    <p id={`${id}-hint`} className="hint">
                      {t(spec.hint)}
                    </p>
                  )}
                </>
              )
            }
          </Field>
        );
      })}
    </>
  );
}

/** A time of the API ("2018-12-07T08:30+00:00", the summit's wall clock) as datetime-local reads it. */
export const wallTime = (time: unknown): string => (typeof time === 'string' ? time.slice(0, 16) : '');

/** A new item's key from its name: "Salle Menara 1" → "salle-menara-1". */
export const keyFrom = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** A new item's key follows its name (or title) as it is typed, until the key itself is typed. */
export function useKeyFollows(
  form: Pick<UseFormReturn<FieldValues, unknown, unknown>, 'watch' | 'getFieldState' | 'setValue'>,
  from: string,
  enabled: boolean,
) {
  const { watch, getFieldState, setValue } = form;
  useEffect(() => {
    if (!enabled) return;
    const watching = watch((values, { name }) => {
      if (name === from && !getFieldState('key').isDirty)
        setValue('key', keyFrom(String(values[from] ?? '')));
    });
    return () => watching.unsubscribe();
  }, [watch, getFieldState, setValue, from, enabled]);
}
