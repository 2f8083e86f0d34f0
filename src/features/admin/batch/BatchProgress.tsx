import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { AppearingButton } from '../../../ui/AppearingButton';
import type { BatchState } from './use-batch-run';

/**
 * A batch's progress: the bar moves by rows settled, the text under it counts them as the
 * caller tells (done / failed / left), and Stop sends nothing more while calls in flight end.
 */
export function BatchProgress({
  label,
  state,
  counts,
  onStop,
}: {
  label: string;
  state: BatchState<unknown>;
  /** "Invited 12 · Already exists 1 · Failed 0 · Left 187", as the caller counts. */
  counts: string;
  onStop(): void;
}) {
  const { t } = useTranslation();
  const total = state.outcomes.length;
  const settled = state.outcomes.filter((outcome) => outcome !== undefined).length;
  const waiting =
    state.waiting > 0 && state.phase === 'running'
      ? t('batch.waiting', { count: state.waiting })
      : undefined;
  return (
    <SpaceBetween size="s">
      <ProgressBar
        label={label}
        value={total === 0 ? 0 : (100 * settled) / total}
        description={counts}
        additionalInfo={state.phase === 'stopping' ? t('batch.stopping') : waiting}
      />
      {(state.phase === 'running' || state.phase === 'stopping') && (
        <AppearingButton
          onClick={onStop}
          disabled={state.phase === 'stopping'}
          // Disabled with a reason stays focusable: focus is not dropped behind the dialog.
          disabledReason={t('batch.stopping')}
        >
          {t('batch.stop')}
        </AppearingButton>
      )}
    </SpaceBetween>
  );
}
