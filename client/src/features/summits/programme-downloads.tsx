import { summitApi } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';

const FILES = [
  ['calendar.ics', 'downloads.ics'],
  ['schedule.csv', 'downloads.csv'],
  ['schedule.xml', 'downloads.xml'],
  ['schedule.json', 'downloads.json'],
] as const;

/** The published programme as files: a calendar, a spreadsheet, and frab XML/JSON for conference apps. */
export function ProgrammeDownloads({ slug }: { slug: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programme-downloads">
      <h2 id="programme-downloads">{t('downloads.title')}</h2>
      <ul className="summit-days">
        {FILES.map(([file, label]) => (
          <li key={file}>
            <a href={summitApi(slug, file)} download={`${slug}-${file}`}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <p className="day-list-meta">{t('downloads.hint')}</p>
    </section>
  );
}
