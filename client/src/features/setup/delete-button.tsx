// Deleting asks once, in the page (no browser dialog): "Delete “X”? Yes, delete / Keep it".
import { useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';

export function DeleteButton({
  name,
  label,
  pending,
  onDelete,
}: {
  name: string;
  label: string;
  pending: boolean;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span role="alert">
      {t('edit.confirmDelete', { name })}{' '}
      <button type="button" disabled={pending} onClick={onDelete}>
        {t('edit.confirmYes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('edit.confirmNo')}
      </button>
    </span>
  );
}
