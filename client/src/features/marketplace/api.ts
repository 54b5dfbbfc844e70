// The Marketplace routes of docs/marketplace.md: its settings (and what the caller may do), needs,
// offers, a need's slots, consultations and their steps, suggestions and the follow-up report.
// Every write refreshes everything of the summit's Marketplace and the agendas it may change.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  consultationViewSchema,
  needViewSchema,
  offerViewSchema,
  reportSchema,
  scheduleViewSchema,
  settingsViewSchema,
  slotsViewSchema,
  suggestionsSchema,
} from '../../../../shared/schemas/marketplace.ts';
import { getJson, send, summitApi } from '../../lib/api.ts';
import { keys } from '../../lib/query-keys.ts';

export type MarketplaceSettings = z.output<typeof settingsViewSchema>;
export type NeedView = z.output<typeof needViewSchema>;
export type OfferView = z.output<typeof offerViewSchema>;
export type SlotView = z.output<typeof slotsViewSchema>['slots'][number];
export type ConsultationView = z.output<typeof consultationViewSchema>;
export type MarketplaceReport = z.output<typeof reportSchema>;
export type Suggestions = z.output<typeof suggestionsSchema>;
export type ScheduleView = z.output<typeof scheduleViewSchema>;

const market = (slug: string, ...parts: string[]) => summitApi(slug, 'marketplace', ...parts);
const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  return params.size ? `${path}?${params}` : path;
};

const read = <T>(slug: string, parts: string[], query: Record<string, string | undefined> = {}) =>
  queryOptions({
    queryKey: [...keys.marketplace(slug), ...parts, query],
    queryFn: ({ signal }) => getJson<T>(withQuery(market(slug, ...parts), query), signal),
  });

export const settingsQuery = (slug: string) => read<MarketplaceSettings>(slug, []);
export type NeedFilters = { objective?: string; assistance?: string; owner?: string; q?: string };
export const needsQuery = (slug: string, filters: NeedFilters) => read<NeedView[]>(slug, ['needs'], filters);
export const needQuery = (slug: string, key: string) => read<NeedView>(slug, ['needs', key]);
export const offersQuery = (slug: string) => read<OfferView[]>(slug, ['offers']);
export const slotsQuery = (slug: string, need: string, as?: string) =>
  read<z.output<typeof slotsViewSchema>>(slug, ['slots'], { need, as });
export const consultationsQuery = (slug: string, need?: string) =>
  read<ConsultationView[]>(slug, ['consultations'], { need });
export const consultationQuery = (slug: string, id: number) =>
  read<ConsultationView>(slug, ['consultations', String(id)]);
export const suggestionsQuery = (slug: string, need: string) =>
  read<Suggestions>(slug, ['suggestions'], { need });
export const reportQuery = (slug: string) => read<MarketplaceReport>(slug, ['report']);

/** A write of the Marketplace: afterwards its reads and the agendas (a consultation is in them) refresh. */
function useMarketWrite<A, R>(slug: string, write: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.marketplace(slug) }),
        qc.invalidateQueries({ queryKey: keys.agenda(slug) }),
      ]),
  });
}

export type NeedBody = {
  key: string;
  title: string;
  description?: string;
  objectives: number[];
  sdgTargets: string[];
  assistance: string[];
  providerTypes: string[];
  /** The owner delegation: the support unit names it; others post for their own (`as`). */
  owner?: string;
  as?: string;
};
export const usePostNeed = (slug: string) =>
  useMarketWrite(slug, (body: NeedBody) => send<NeedView>('POST', market(slug, 'needs'), body));

export type OfferBody = {
  title: string;
  description?: string;
  objectives: number[];
  assistance: string[];
  as?: string;
};
export const usePublishOffer = (slug: string) =>
  useMarketWrite(slug, (body: OfferBody) => send<OfferView>('POST', market(slug, 'offers'), body));

export const useRequestConsultation = (slug: string) =>
  useMarketWrite(slug, (body: { need: string; slot?: string; as?: string }) =>
    send<ConsultationView>('POST', market(slug, 'consultations'), body),
  );

export type Step = 'accept' | 'decline' | 'cancel' | 'join' | 'observe';
export const useConsultationStep = (slug: string) =>
  useMarketWrite(slug, ({ id, step, as }: { id: number; step: Step; as?: string }) =>
    send<ConsultationView>('POST', market(slug, 'consultations', String(id), step), as ? { as } : {}),
  );

export type OutcomeBody = { outcome: string; fundingSources: string[]; note?: string };
export const useRecordOutcome = (slug: string) =>
  useMarketWrite(slug, ({ id, ...body }: OutcomeBody & { id: number }) =>
    send<ConsultationView>('PATCH', market(slug, 'consultations', String(id), 'outcome'), body),
  );

/** The support unit's automatic schedule of accepted requests that left their slot open. */
export const useSchedule = (slug: string) =>
  useMarketWrite(slug, () => send<ScheduleView>('POST', market(slug, 'schedule'), {}));
