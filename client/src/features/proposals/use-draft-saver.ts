// The draft saver of one form, bound to the page: it lives as long as the form, answers the
// browser's `online` event, and puts each saved proposal in the query cache.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ProposalDraft } from '../../../../shared/schemas/proposal.ts';
import { keys } from '../../lib/query-keys.ts';
import { draftTransport, type ProposalView } from './api.ts';
import { DraftSaver, type SaveState } from './draft-saver.ts';
import { draftOf } from './form-check.ts';
import { type FormValues, toDraft, toFormValues } from './form-values.ts';
import { browserDrafts } from './local-drafts.ts';

export type ProposalSaver = DraftSaver<FormValues, ProposalDraft, ProposalView>;

/** The draft the server holds, in the form the saver compares with. */
export function baseOf(view: ProposalView): ProposalDraft {
  const values = toFormValues(view);
  const prepared = draftOf(values);
  return prepared.ok ? prepared.draft : (toDraft(values) as ProposalDraft);
}

export function useDraftSaver(
  slug: string,
  proposal: ProposalView | null,
  onCreated: (view: ProposalView) => void,
): { saver: ProposalSaver; state: SaveState } {
  const qc = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const created = useRef(onCreated);
  created.current = onCreated;
  const [saver] = useState(
    (): ProposalSaver =>
      new DraftSaver<FormValues, ProposalDraft, ProposalView>({
        id: proposal?.id ?? null,
        version: proposal?.version ?? null,
        base: proposal ? baseOf(proposal) : {},
        prepare: draftOf,
        ...draftTransport(slug),
        local: browserDrafts<FormValues>(slug),
        isOnline: () => navigator.onLine,
        onState: setState,
        onSaved: (saved, isNew) => {
          qc.setQueryData(keys.proposal(slug, saved.id), saved.view);
          if (isNew) {
            void qc.invalidateQueries({
              queryKey: keys.proposals(slug),
              predicate: (q) => q.queryKey[3] === 'list',
            });
            created.current(saved.view);
          }
        },
      }),
  );
  useEffect(() => {
    saver.start();
    const online = () => saver.retry();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      saver.stop();
    };
  }, [saver]);
  return { saver, state };
}
