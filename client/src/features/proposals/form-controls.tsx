// The proposal form's controls: a labelled input bound to its field, and a list of rows that can
// be added and removed (contacts, materials, panellists, programme items, preferred starts).
import type { ReactNode } from 'react';
import { type ArrayPath, type FieldArray, type Path, useFieldArray, useFormContext } from 'react-hook-form';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useFieldMessage } from './form-problems.tsx';
import { emptyRow, fieldId, type FormValues, type RowList } from './form-values.ts';

type InputProps = {
  name: Path<FormValues>;
  label: ReactNode;
  kind?: 'text' | 'email' | 'url' | 'number' | 'time' | 'textarea';
  /** Other fields whose problems are said here (a row's own problems on its first control). */
  alsoFor?: string[];
  hint?: string;
  min?: number;
  max?: number;
};

export function Input({ name, label, kind = 'text', alsoFor = [], hint, min, max }: InputProps) {
  const { register } = useFormContext<FormValues>();
  const message = useFieldMessage(name, ...alsoFor);
  const id = fieldId(name);
  return (
    <div className="form-field">
      <Field id={id} label={label} error={message ? { message } : undefined}>
        {(control) => {
          const described = [hint && `${id}-hint`, control['aria-describedby']].filter(Boolean).join(' ');
          const props = { ...control, 'aria-describedby': described || undefined, ...register(name) };
          if (kind === 'textarea') return <textarea rows={6} {...props} />;
          if (kind === 'number')
            return <input type="number" inputMode="numeric" step={1} min={min} max={max} {...props} />;
          return <input type={kind} {...props} />;
        }}
      </Field>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** One part of the form, as the paper form groups its questions, under its heading. */
export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="form-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A fieldset whose own problems (a list with no row, a programme that does not add up) show under its legend. */
export function Group({
  name,
  legend,
  children,
  extra,
}: {
  name: string;
  legend: ReactNode;
  children: ReactNode;
  /** Said before the problem (the programme's running sum). */
  extra?: ReactNode;
}) {
  const message = useFieldMessage(name);
  const id = fieldId(name);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="form-group"
      aria-describedby={message ? `${id}-message` : undefined}
      aria-invalid={message ? true : undefined}
    >
      <legend>{legend}</legend>
      {extra}
      {message && (
        <p id={`${id}-message`} className="field-message">
          {message}
        </p>
      )}
      {children}
    </fieldset>
  );
}

type RowsProps<N extends RowList> = {
  name: N;
  legend: string;
  /** "Contact 2": each row's legend, also in its Remove button. */
  rowName: (i: number) => string;
  addLabel: string;
  row: (i: number) => ReactNode;
  extra?: ReactNode;
};

export function Rows<N extends RowList>({ name, legend, rowName, addLabel, row, extra }: RowsProps<N>) {
  const { t } = useI18n();
  const { control } = useFormContext<FormValues>();
  const { fields, append, remove } = useFieldArray<FormValues, ArrayPath<FormValues>>({ control, name });
  return (
    <Group name={name} legend={legend} extra={extra}>
      {fields.map((f, i) => (
        <fieldset key={f.id} className="form-row">
          <legend>{rowName(i)}</legend>
          {row(i)}
          <button type="button" className="secondary" onClick={() => remove(i)}>
            {t('proposal.remove', { what: rowName(i) })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => append({ ...emptyRow[name] } as FieldArray<FormValues, ArrayPath<FormValues>>)}
      >
        {addLabel}
      </button>
    </Group>
  );
}
