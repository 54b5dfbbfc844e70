// A labelled form control with its message: the control gets aria-invalid and is described by the
// message, so a screen reader reads why when the field is focused.
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';

export type FieldControl = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};
type Message = { message?: string; type?: string | number } | undefined;

export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  error: Message;
  children: (control: FieldControl) => ReactNode;
}) {
  const messageId = `${id}-message`;
  const invalid = !!error?.message;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': invalid ? messageId : undefined,
      })}
      {invalid && (
        <p id={messageId} className="field-message">
          {error.message}
        </p>
      )}
    </>
  );
}

/** A form's own problems (naming no field of it), or a network error, at its top. */
export function FormAlert({ error }: { error: Message }) {
  const { t } = useI18n();
  if (!error?.message && error?.type !== 'network') return null;
  return (
    <p role="alert">
      {error.type === 'network' ? t('app.error', { message: error.message ?? '' }) : error.message}
    </p>
  );
}
