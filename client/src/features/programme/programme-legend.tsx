// What every mark on the grid and the list means: the kinds' colours, the conflict frames (for the
// support unit, who sees them) and the segments' bands (on the grid, on days that have some).
import { SESSION_KINDS } from '../../../../shared/domain/vocabulary.ts';
import { KindBadge } from '../../components/kind-badge.tsx';
import { useI18n } from '../../lib/i18n.tsx';

export function ProgrammeLegend({ conflicts, bands }: { conflicts: boolean; bands: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programme-legend" className="legend">
      <h2 id="programme-legend" className="legend-title">
        {t('programme.legend')}
      </h2>
      <ul>
        {SESSION_KINDS.map((k) => (
          <li key={k}>
            <KindBadge kind={k} />
          </li>
        ))}
        {conflicts && (
          <>
            <li>
              <span className="legend-mark has-hard" aria-hidden="true">
                ⚠
              </span>{' '}
              {t('programme.legend.hard')}
            </li>
            <li>
              <span className="legend-mark has-soft" aria-hidden="true">
                •
              </span>{' '}
              {t('programme.legend.soft')}
            </li>
          </>
        )}
        {bands && (
          <li>
            <span className="legend-mark legend-band" aria-hidden="true" /> {t('programme.legend.band')}
          </li>
        )}
      </ul>
    </section>
  );
}
