import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { UserDetail } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../../../api/api-context';
import { invalidateStaleAfter } from '../../../../api/route-queries';
import { auditOfBatch } from '../../../../app/admin-screens';
import { Problem, say } from '../../../../i18n/problem';
import { csvFilename, csvText } from '../../../../ui/csv';
import { describeError } from '../../../../ui/describe-error';
import { downloadFile } from '../../../../ui/download-file';
import { BatchFinishedActions } from '../../batch/BatchFinishedActions';
import { BatchProgress } from '../../batch/BatchProgress';
import { BatchResultsTable } from '../../batch/BatchResultsTable';
import { useBatchRun } from '../../batch/use-batch-run';
import { MAX_IMPORT_ROWS, readImportFile, type ImportPlan, type ImportRow } from './import-csv';
import {
  countResults,
  IMPORT_RESULT_STATUS,
  IMPORT_RESULTS_COLUMNS,
  importResultOf,
  importResultsRows,
  type ImportResult,
} from './import-results';
import { ImportPreview } from './ImportPreview';
import { inviteRow } from './invite-row';

/**
 * Users → Import: a CSV file is read and checked in the browser, shown row by row with each
 * row's problems, and only then sent: one invitation a valid row, a few at a time, with
 * progress and Stop, each row ending with its result (downloadable as CSV) and every
 * invitation audited under this import's id.
 */
export default function ImportUsersModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<File[]>([]);
  const [plan, setPlan] = useState<ImportPlan>();
  const [fileError, setFileError] = useState<string>();
  const latestFile = useRef<File>(undefined);
  const run = useBatchRun<ImportRow, UserDetail>();
  /** This import's id: its invitations carry it, and the audit log filters by it. */
  const [importId, setImportId] = useState<string>();
  const { phase } = run.state;
  const busy = phase === 'running' || phase === 'stopping';

  const readyRows = useMemo(() => plan?.rows.filter((row) => row.invite) ?? [], [plan]);
  const results = useMemo(() => {
    if (!plan || phase === 'ready') return [];
    let sent = 0;
    return plan.rows.map((row) => {
      const outcome = row.invite ? run.state.outcomes[sent++] : undefined;
      return importResultOf(row, outcome, t);
    });
  }, [plan, phase, run.state.outcomes, t]);
  const counts = countResults(results);

  async function choose(chosen: File[]) {
    setFiles(chosen);
    setPlan(undefined);
    setFileError(undefined);
    const [file] = chosen;
    latestFile.current = file;
    if (!file) return;
    // A file chosen while an earlier one was still being read replaces it: the earlier is dropped.
    try {
      const read = await readImportFile(file);
      if (latestFile.current === file) setPlan(read);
    } catch (error) {
      if (latestFile.current !== file) return;
      setFileError(error instanceof Problem ? say(t, error) : describeError(error, t).message);
    }
  }

  async function send() {
    const batch = crypto.randomUUID();
    setImportId(batch);
    await run.start(readyRows, (row, signal) => inviteRow(api, row, { batch, signal }));
    await invalidateStaleAfter(queryClient, 'inviteUser');
  }

  async function downloadResults() {
    if (!plan) return;
    const text = await csvText(IMPORT_RESULTS_COLUMNS, importResultsRows(plan.rows, results));
    downloadFile(csvFilename('import-results', new Date()), text, 'text/csv;charset=utf-8');
  }

  const countsText = t('import.counts', {
    invited: counts.invited + counts.incomplete,
    exists: counts.exists,
    refused: counts.refused,
    notSent: counts.invalid + counts.notSent,
    left: counts.left,
  });

  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        {phase === 'ready' && (
          <>
            <Button variant="link" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button variant="primary" disabled={readyRows.length === 0} onClick={() => void send()}>
              {t('import.send', { count: readyRows.length })}
            </Button>
          </>
        )}
        {phase === 'finished' && (
          <BatchFinishedActions onDownload={downloadResults} onClose={onClose} />
        )}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal
      visible
      size="large"
      header={t('import.heading')}
      // While it runs, closing would leave rows unreported: Stop first.
      onDismiss={() => {
        if (!busy) onClose();
      }}
      footer={footer}
    >
      <SpaceBetween size="l">
        {phase === 'ready' && (
          <>
            <FormField
              label={t('import.file')}
              description={t('import.format', { max: MAX_IMPORT_ROWS.toLocaleString() })}
              errorText={fileError}
            >
              <FileUpload
                value={files}
                accept=".csv,text/csv"
                onChange={({ detail }) => void choose(detail.value)}
                showFileSize
                i18nStrings={{
                  uploadButtonText: () => t('import.chooseFile'),
                  dropzoneText: () => t('import.dropFile'),
                  removeFileAriaLabel: (_, name) => t('import.removeFile', { name }),
                  errorIconAriaLabel: t('import.errorIcon'),
                  warningIconAriaLabel: t('import.warningIcon'),
                }}
              />
            </FormField>
            {plan && <ImportPreview plan={plan} />}
          </>
        )}
        {phase !== 'ready' && (
          <BatchProgress
            label={t('import.progress')}
            state={run.state}
            counts={countsText}
            onStop={run.stop}
          />
        )}
        {phase === 'finished' && plan && (
          <>
            <Alert type={counts.refused + counts.incomplete > 0 ? 'warning' : 'success'}>
              {t('import.finished', { count: counts.invited + counts.incomplete })}{' '}
              {importId && (
                <Link
                  href={auditOfBatch(importId)}
                  onFollow={(event) => {
                    event.preventDefault();
                    navigate(auditOfBatch(importId));
                    onClose();
                  }}
                >
                  {t('batch.inAuditLog')}
                </Link>
              )}
            </Alert>
            <BatchResultsTable
              heading={t('import.results.heading')}
              subjectLabel={t('users.email')}
              rows={plan.rows.map((row, index) => resultRow(row, results[index], t))}
            />
          </>
        )}
      </SpaceBetween>
    </Modal>
  );
}

function resultRow(
  row: ImportRow,
  result: ImportResult | undefined,
  t: ReturnType<typeof useTranslation>['t'],
) {
  const kind = result?.kind ?? 'notSent';
  const words = t(`import.results.kinds.${kind}`);
  return {
    row: row.row,
    subject: row.email,
    status: IMPORT_RESULT_STATUS[kind],
    result: result?.detail ? `${words}: ${result.detail}` : words,
  };
}
