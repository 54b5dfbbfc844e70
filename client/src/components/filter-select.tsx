// One filter of a list whose filters live in the URL: a labelled select with "Any" first.
import { useI18n } from '../lib/i18n.tsx';

export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly [string, string][];
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('desk.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
