import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { COGNITO_USER_STATUSES, type UserSummary } from '@contract';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AppearingButton } from '../../../ui/AppearingButton';
import { useFlash } from '../../../ui/flash';
import { Notice } from '../../../ui/Notice';
import type { ExportProgress } from './read-users-export';
import { attributeLabelKey, type UsersFilters } from './users-filters';
import { useUsersExport } from './use-users-export';

/** The flashbar item of the latest export: a newer one replaces it. */
const EXPORT_FLASH_ID = 'users-export';

/** What the export will contain, as the Users list's filters say it: each condition a line. */
function ExportScope({ filters }: { filters: UsersFilters }) {
  const { t } = useTranslation();
  const conditions: string[] = [];
  if (filters.value) {
    const value =
      filters.attribute === 'cognito:user_status' && isCognitoUserStatus(filters.value)
        ? t(`users.statuses.${filters.value}`)
        : filters.value;
    conditions.push(
      t(`users.export.scope.${filters.match}`, {
        attribute: t(attributeLabelKey(filters.attribute)),
        value,
      }),
    );
  }
  if (filters.status) {
    conditions.push(
      t('users.export.scope.status', { status: t(`users.filters.${filters.status}`) }),
    );
  }
  if (filters.group) conditions.push(t('users.export.scope.group', { group: filters.group }));
  if (conditions.length === 0) return <Box variant="p">{t('users.export.scope.all')}</Box>;
  return (
    <>
      <Box variant="p">{t('users.export.scope.filtered')}</Box>
      <ul>
        {conditions.map((condition) => (
          <li key={condition}>{condition}</li>
        ))}
      </ul>
    </>
  );
}

const isCognitoUserStatus = (value: string): value is UserSummary['status'] =>
  (COGNITO_USER_STATUSES as readonly string[]).includes(value);

/**
 * The total is known only once the last page is read, so the bar moves by lists finished
 * (the users, then each group's members), and the text below it counts within the list.
 */
function ExportProgressBar({ progress }: { progress: ExportProgress | undefined }) {
  const { t } = useTranslation();
  return (
    <ProgressBar
      label={t('users.export.progress')}
      value={progress ? (100 * progress.listsDone) / progress.lists : 0}
      additionalInfo={progress && describeProgress(progress, t)}
    />
  );
}

function describeProgress({ reading, page, users }: ExportProgress, t: TFunction): string {
  return reading === 'users'
    ? t('users.export.readingUsers', { users, page })
    : t('users.export.readingGroup', { users, page, group: reading });
}

/**
 * Exports every user matching the Users list's filter (all pages, not only the one on
 * screen) as a CSV download, with progress and Stop. Loaded when first opened, with the CSV
 * library after it, so neither weighs on the Users screen.
 */
export default function ExportUsersModal({
  filters,
  onClose,
}: {
  filters: UsersFilters;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const flash = useFlash();
  const { state, start, stop } = useUsersExport(filters, {
    onDone: (users, file) =>
      flash.success(
        EXPORT_FLASH_ID,
        t('users.export.done', { users }),
        t('users.export.savedAs', { file }),
      ),
  });

  // Start (again) unless it runs or is done; Stop while it runs; Close once the file is saved.
  const running = state.status === 'running';
  const done = state.status === 'done';
  const startText = state.status === 'failed' ? t('app.tryAgain') : t('users.export.start');
  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        {running && <AppearingButton onClick={stop}>{t('users.export.stop')}</AppearingButton>}
        {done && (
          <AppearingButton variant="primary" onClick={onClose}>
            {t('app.close')}
          </AppearingButton>
        )}
        {!running && !done && (
          <>
            <Button variant="link" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <AppearingButton
              variant="primary"
              onClick={start}
              // Back after a run that failed or stopped; at first the dialog places focus.
              takeFocus={state.status !== 'ready'}
            >
              {startText}
            </AppearingButton>
          </>
        )}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal
      visible
      header={t('users.export.heading')}
      closeAriaLabel={t('app.close')}
      // A click beside the dialog while it runs is no reason to stop; Escape, the close button
      // and Stop are (the hook aborts when the modal goes).
      onDismiss={({ detail }) => {
        if (running && detail.reason === 'overlay') return;
        onClose();
      }}
      footer={footer}
    >
      <SpaceBetween size="m">
        <div>
          <ExportScope filters={filters} />
          <Box variant="p" color="text-body-secondary">
            {t('users.export.contents')}
          </Box>
        </div>
        {state.status === 'running' && <ExportProgressBar progress={state.progress} />}
        {state.status === 'done' && (
          <ProgressBar
            label={t('users.export.progress')}
            value={100}
            status="success"
            resultText={t('users.export.done', { users: state.users })}
            additionalInfo={t('users.export.savedAs', { file: state.file })}
          />
        )}
        {state.status === 'stopped' && <Notice>{t('users.export.stopped')}</Notice>}
        {state.status === 'failed' && (
          <SpaceBetween size="xs">
            <ErrorNotice error={state.error} />
            <Box>{t('users.export.failed')}</Box>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Modal>
  );
}
