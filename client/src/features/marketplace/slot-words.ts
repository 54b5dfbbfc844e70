// Why a slot cannot be booked, in the reader's language, from the API's `why` (shared/domain/
// marketplace.ts, `SlotWhy`). The API's `reason` is its English twin (`sayWhy`);
// tests/unit/client/slot-words.test.ts keeps the two saying the same thing.
import type { SlotWhy } from '../../../../shared/domain/marketplace.ts';
import type { Translate } from '../../lib/i18n.tsx';

/** The sentence of a reason; `locale` joins lists of titles ("en-GB", "fr"). */
export function slotWhyText(t: Translate, why: SlotWhy, locale: string): string {
  switch (why.code) {
    case 'begun':
      return t('market.why.begun');
    case 'tableTaken':
      return t('market.why.tableTaken', { table: why.table });
    case 'roomHosts':
      return t('market.why.roomHosts', { table: why.table, session: why.session });
    case 'overCommitted': {
      const titles = [
        ...why.sessions,
        ...why.consultations.map((need) => t('market.why.consultation', { need })),
      ].map((title) => t('market.why.quote', { title }));
      return t('market.why.overCommitted', {
        delegation: why.delegation,
        size: why.size,
        titles: new Intl.ListFormat(locale, { type: 'conjunction' }).format(titles),
      });
    }
    case 'capReached':
      return why.delegation === null
        ? t('market.why.capReachedYours', { cap: why.cap })
        : t('market.why.capReached', { delegation: why.delegation, cap: why.cap });
  }
}
