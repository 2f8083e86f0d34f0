import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/api-context';
import { downloadFile } from '../../../ui/download-file';
import {
  newExportCheckpoint,
  readUsersExport,
  type ExportCheckpoint,
  type ExportProgress,
} from './read-users-export';
import { loadCsvLibrary } from '../../../ui/csv';
import { usersCsv, usersCsvFilename } from './users-csv';
import { sameFilters, type UsersFilters } from './users-filters';

export type UsersExport =
  | { status: 'ready' }
  | { status: 'running'; progress: ExportProgress | undefined }
  | { status: 'done'; users: number; file: string }
  | { status: 'stopped' }
  | { status: 'failed'; error: unknown };

/**
 * Exports the users matching `filters` as a CSV download: `start()` reads every page, then
 * saves the file; `stop()` aborts, and nothing is saved. A failed read saves nothing either:
 * never a partial file; `start()` after a failure goes on from the page that failed (for the
 * same filter). Leaving (unmounting) stops a run too.
 */
export function useUsersExport(
  filters: UsersFilters,
  { onDone }: { onDone(users: number, file: string): void },
) {
  const api = useApi();
  const [state, setState] = useState<UsersExport>({ status: 'ready' });
  const running = useRef<AbortController>(undefined);
  const checkpoint = useRef<ExportCheckpoint>(undefined);
  useEffect(() => () => running.current?.abort(), []);

  async function start() {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    const resume =
      state.status === 'failed' &&
      checkpoint.current !== undefined &&
      sameFilters(checkpoint.current.filters, filters);
    if (!resume) checkpoint.current = newExportCheckpoint(filters);
    setState({ status: 'running', progress: undefined });
    try {
      const reading = readUsersExport(api, filters, {
        signal,
        checkpoint: checkpoint.current,
        onProgress: (progress) => {
          if (!signal.aborted) setState({ status: 'running', progress });
        },
      });
      reading.catch(() => undefined); // Awaited below, or abandoned with the run.
      // The CSV library downloads alongside the reads: if it cannot, the run fails at once.
      const [users] = await Promise.all([reading, loadCsvLibrary()]);
      const csv = await usersCsv(users);
      signal.throwIfAborted();
      const file = usersCsvFilename(new Date());
      downloadFile(file, csv, 'text/csv;charset=utf-8');
      checkpoint.current = undefined;
      setState({ status: 'done', users: users.length, file });
      onDone(users.length, file);
    } catch (error) {
      // Stopped: `stop()` has said so. A failure of a run since replaced is no news either.
      if (signal.aborted) return;
      setState({ status: 'failed', error });
      controller.abort(); // Reads still under way (the library failed first) stop too.
    } finally {
      if (running.current === controller) running.current = undefined;
    }
  }

  function stop() {
    checkpoint.current = undefined;
    running.current?.abort();
    running.current = undefined;
    setState({ status: 'stopped' });
  }

  return { state, start: () => void start(), stop };
}
