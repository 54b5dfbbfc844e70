// A summit time as two controls: its day (one of the summit's days, or the one it has) and its time
// on the 24-hour clock ("17:15"), whatever the browser's locale: <input type="time"> and
// datetime-local follow the locale's clock and show "05:15 PM" in English. The value is the summit's
// wall clock, "2018-12-07T17:15", which the server reads in the summit's zone.
import { useI18n } from '../lib/i18n.tsx';
import { formatDate } from '../lib/zone.ts';

type Props = {
  id: string;
  legend: string;
  days: readonly string[];
  value: string;
  onChange(value: string): void;
  error?: { message?: string };
};

/** "5:15" → "05:15"; anything else as typed (the form's schema says what is wrong with it). */
const padded = (time: string) => (/^\d:\d{2}$/.test(time.trim()) ? `0${time.trim()}` : time.trim());

export function WallTimeField({ id, legend, days, value, onChange, error }: Props) {
  const { t, dateLocale } = useI18n();
  const date = value.slice(0, 10);
  const time = value.slice(11);
  const choices = date && !days.includes(date) ? [date, ...days] : days;
  const messageId = `${id}-message`;
  const described = error?.message ? { 'aria-invalid': true, 'aria-describedby': messageId } : {};
  return (
    <fieldset className="wall-time">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-day`}>{t('time.day')}</label>
      <select
        id={`${id}-day`}
        value={date}
        onChange={(e) => onChange(`${e.target.value}T${time}`)}
        {...described}
      >
        {!date && <option value="" />}
        {choices.map((d) => (
          <option key={d} value={d}>
            {formatDate(d, dateLocale, 'short')}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-time`}>{t('time.clock')}</label>
      <input
        id={`${id}-time`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="17:15"
        size={6}
        value={time}
        onChange={(e) => onChange(`${date}T${e.target.value}`)}
        onBlur={(e) => onChange(`${date}T${padded(e.target.value)}`)}
        {...described}
      />
      {error?.message && (
        <p id={messageId} className="field-message">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
