// The language switch: each language named in its own words (and marked as written in it).
import { useChooseLanguage } from '../features/auth/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { LOCALES } from '../locales/index.ts';

export function LanguageSelect({ label, id }: { label: string; id?: string }) {
  const { locale } = useI18n();
  const choose = useChooseLanguage();
  return (
    <label htmlFor={id}>
      {label}{' '}
      <select id={id} value={locale} onChange={(e) => choose(e.target.value)}>
        {Object.entries(LOCALES).map(([code, l]) => (
          <option key={code} value={code} lang={code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
