import type { SessionKind } from '../../../../shared/domain/vocabulary.ts';

// Each passes WCAG AA (4.5:1) with white text.
export const KIND_COLOURS: Record<SessionKind, string> = {
  plenary: '#1d4ed8',
  roundtable: '#047857',
  side_event: '#b45309',
  marketplace_consultation: '#6d28d9',
  special_session: '#be123c',
  meeting: '#475569',
};
