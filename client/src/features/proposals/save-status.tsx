// Where the draft is, in words ("Saved", "Saving…", "Offline: kept in this browser…"), and the
// choices when the proposal changed elsewhere or the person was signed out.
import { ErrorAlert } from '../../components/status.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { Link } from '../../lib/router.tsx';
import { href } from '../../lib/routes.ts';
import type { SaveState } from './draft-saver.ts';

type Props = {
  state: SaveState;
  onLoadSaved: () => void;
  onKeepMine: () => void;
  keepError: unknown;
};

export function SaveStatus({ state, onLoadSaved, onKeepMine, keepError }: Props) {
  const { t } = useI18n();
  const text = (() => {
    switch (state.kind) {
      case 'idle':
        return t('proposal.save.idle');
      case 'saving':
        return t('proposal.save.saving');
      case 'saved':
        return t('proposal.save.saved');
      case 'offline':
        return t('proposal.save.offline');
      case 'retrying':
        return t('proposal.save.retrying', { message: state.message });
      case 'invalid':
        return t('proposal.save.invalid');
      case 'stale':
        return t('proposal.save.stale');
      case 'refused':
        return state.status === 401
          ? t('proposal.save.signedOut')
          : t('proposal.save.refused', { message: state.message });
    }
  })();
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    <div className="save-status">
      <p role="status">{text}</p>
      {state.kind === 'stale' && (
        <div className="button-row">
          <button type="button" onClick={onLoadSaved}>
            {t('proposal.save.loadSaved')}
          </button>
          <button type="button" className="secondary" onClick={onKeepMine}>
            {t('proposal.save.keepMine')}
          </button>
        </div>
      )}
      <ErrorAlert error={keepError} />
      {state.kind === 'refused' && state.status === 401 && (
        <p>
          <Link href={href('signIn', undefined, { next: here })}>{t('nav.signIn')}</Link>
        </p>
      )}
    </div>
  );
}
