import type { SessionKind } from '../../../shared/domain/vocabulary.ts';
import { KIND_COLOURS } from '../features/programme/session-colours.ts';
import { useI18n } from '../lib/i18n.tsx';

export function KindBadge({ kind }: { kind: SessionKind }) {
  const { t } = useI18n();
  return (
    <span className="kind-badge" style={{ background: KIND_COLOURS[kind] }}>
      {t(`kind.${kind}`)}
    </span>
  );
}
