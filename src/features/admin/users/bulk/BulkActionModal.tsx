import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_NAMES, GROUPS, isGroupName, type GroupName, type UserSummary } from '@contract';
import { useApi } from '../../../../api/api-context';
import { invalidateStaleAfter, routeQuery } from '../../../../api/route-queries';
import { auditOfBatch } from '../../../../app/admin-screens';
import { useSignedInSession } from '../../../../auth/session-context';
import { useMayCall } from '../../../../auth/use-may-call';
import { csvFilename, csvText } from '../../../../ui/csv';
import { DialogFooter } from '../../../../ui/DialogFooter';
import { downloadFile } from '../../../../ui/download-file';
import { InAppLink } from '../../../../ui/InAppLink';
import { Notice } from '../../../../ui/Notice';
import { BatchFinishedActions } from '../../batch/BatchFinishedActions';
import { BatchProgress } from '../../batch/BatchProgress';
import { BatchResultsTable } from '../../batch/BatchResultsTable';
import { useBatchRun } from '../../batch/use-batch-run';
import { isSelf } from '../is-self';
import {
  BULK_RESULTS_COLUMNS,
  BULK_ROUTES,
  bulkResults,
  bulkResultsRows,
  countBulkResults,
  doneText,
  needsGroup,
  performBulkAction,
  resultText,
  type BulkAction,
  type BulkRow,
} from './bulk-actions';

/**
 * One action on the selected users: says what will happen to how many (your own account is
 * never sent), asks for a group or, to delete, the count typed out; then sends one signed call
 * per user, a few at a time, with progress and Stop, and ends with every user's result, a
 * results file and the audit log of this run. It cannot be closed while it runs (Stop ends
 * it), so no result goes unreported.
 */
export default function BulkActionModal({
  action,
  users,
  onFinished,
  onClose,
}: {
  action: BulkAction;
  users: readonly UserSummary[];
  /** The run ended: who was deleted. */
  onFinished(result: { deleted: readonly string[] }): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const mayCall = useMayCall();
  const { details } = useSignedInSession();
  const [group, setGroup] = useState<GroupName>();
  const [typed, setTyped] = useState('');
  const run = useBatchRun<BulkRow, unknown>();
  /** This run's id: every call carries it, and the audit log filters by it. */
  const [batch, setBatch] = useState<string>();
  const { phase } = run.state;
  const busy = phase === 'running' || phase === 'stopping';

  const rows = useMemo<BulkRow[]>(
    () => users.map((user, index) => ({ row: index + 1, user, self: isSelf(details, user) })),
    [users, details],
  );
  const toSend = useMemo(() => rows.filter((row) => !row.self), [rows]);
  const count = toSend.length;
  const results = bulkResults(rows, run.state.outcomes, phase !== 'ready');
  const counts = countBulkResults(results);
  const doneLabel = doneText(action, group, t);
  const mayStart =
    count > 0 &&
    (!needsGroup(action) || group !== undefined) &&
    (action !== 'delete' || typed.trim() === String(count));

  async function start(event?: FormEvent) {
    event?.preventDefault();
    if (!mayStart || phase !== 'ready') return;
    const id = crypto.randomUUID();
    setBatch(id);
    const deleted: string[] = [];
    await run.start(toSend, async (row) => {
      try {
        const answer = await performBulkAction(api, action, row.user, group, id);
        if (action === 'delete') deleted.push(row.user.username);
        return answer;
      } catch (error) {
        // Gone already (deleted elsewhere meanwhile): no longer a user to keep selected.
        if ((error as { code?: unknown }).code === 'UserNotFoundException') {
          deleted.push(row.user.username);
        }
        throw error;
      }
    });
    // A deleted user's page has nothing to read again: forget it rather than ask for a 404.
    for (const username of deleted) {
      queryClient.removeQueries(routeQuery('getUser', { params: { username } }));
    }
    onFinished({ deleted });
    // Once for the whole run, not once a user: one read of each list on screen.
    await invalidateStaleAfter(queryClient, BULK_ROUTES[action]);
  }

  async function downloadResults() {
    const text = await csvText(
      BULK_RESULTS_COLUMNS,
      bulkResultsRows(rows, results, action, group, t),
    );
    downloadFile(
      csvFilename(`users-${action}-results`, new Date()),
      text,
      'text/csv;charset=utf-8',
    );
  }

  const groupOptions: SelectProps.Option[] = GROUP_NAMES.map((name) => ({
    value: name,
    label: name,
    description: GROUPS[name].description,
  }));

  const footer =
    phase === 'ready' ? (
      <DialogFooter onCancel={onClose}>
        <Button variant="primary" disabled={!mayStart} onClick={() => void start()}>
          {t(`users.bulk.${action}.submit`, { count })}
        </Button>
      </DialogFooter>
    ) : phase === 'finished' ? (
      <Box float="right">
        <SpaceBetween direction="horizontal" size="xs">
          <BatchFinishedActions onDownload={downloadResults} onClose={onClose} />
        </SpaceBetween>
      </Box>
    ) : undefined;

  return (
    <Modal
      visible
      size="large"
      header={t(`users.bulk.${action}.heading`)}
      closeAriaLabel={t('app.close')}
      // While it runs, closing would leave users unreported: Stop ends it instead.
      onDismiss={() => {
        if (!busy) onClose();
      }}
      footer={footer}
    >
      {phase === 'ready' ? (
        <form onSubmit={(event) => void start(event)}>
          <SpaceBetween size="m">
            <Box variant="p">{t(`users.bulk.${action}.intro`, { count })}</Box>
            {count < rows.length && <Alert type="info">{t('users.bulk.selfSkipped')}</Alert>}
            <ExpandableSection headerText={t('users.bulk.who', { total: rows.length })}>
              <ul>
                {rows.map(({ row, user }) => (
                  <li key={row}>{user.email}</li>
                ))}
              </ul>
            </ExpandableSection>
            {needsGroup(action) && (
              <FormField label={t('users.bulk.group')}>
                <Select
                  placeholder={t('users.groups.choose')}
                  options={groupOptions}
                  selectedOption={groupOptions.find((option) => option.value === group) ?? null}
                  onChange={({ detail }) => {
                    const value = detail.selectedOption.value;
                    setGroup(value && isGroupName(value) ? value : undefined);
                  }}
                />
              </FormField>
            )}
            {action === 'delete' && (
              <FormField label={t('app.typeToConfirm', { text: String(count) })}>
                <Input
                  value={typed}
                  onChange={({ detail }) => setTyped(detail.value)}
                  inputMode="numeric"
                  autoComplete={false}
                  name="confirm"
                />
              </FormField>
            )}
          </SpaceBetween>
        </form>
      ) : (
        <SpaceBetween size="l">
          {busy && (
            <BatchProgress
              label={t(`users.bulk.${action}.heading`)}
              state={run.state}
              counts={t('users.bulk.counts', { doneLabel, ...counts })}
              onStop={run.stop}
            />
          )}
          {phase === 'finished' && (
            <Notice type={counts.failed + counts.notSent > 0 ? 'warning' : 'success'}>
              {t('users.bulk.summary', { doneLabel, ...counts })}{' '}
              {batch && mayCall('listAudit') && (
                <InAppLink href={auditOfBatch(batch)}>{t('batch.inAuditLog')}</InAppLink>
              )}
            </Notice>
          )}
          <BatchResultsTable
            heading={t('users.bulk.results')}
            subjectLabel={t('users.email')}
            rows={rows.map((row, index) => {
              const { status, text } = resultText(results[index], action, group, t);
              return { row: row.row, subject: row.user.email, status, result: text };
            })}
          />
        </SpaceBetween>
      )}
    </Modal>
  );
}
