import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@contract';
import { useMayCall } from '../../../../auth/use-may-call';
import { BULK_ACTIONS, BULK_ROUTES, type BulkAction } from './bulk-actions';

/** Loaded when first opened: most visits act on no one, or on one user at a time. */
const BulkActionModal = lazy(() => import('./BulkActionModal'));

/**
 * The Users table's "Actions" on several selected users: those the acting role may call
 * (helpdesk: disable and enable), each opening a dialog that says what will happen to how
 * many, runs it with progress and Stop, and reports every user's result. With one user or
 * none selected, `single` (that user's own menu) stands in its place; the dialog stays open
 * whatever the selection becomes, as it is cleared at the end of a run.
 */
export function BulkActions({
  users,
  single,
  onFinished,
}: {
  /** The selection, across pages. */
  users: readonly UserSummary[];
  /** The menu for one selected user. */
  single: ReactNode;
  /** After a run, with who was deleted (the selection is cleared then). */
  onFinished(result: { deleted: readonly string[] }): void;
}) {
  const { t } = useTranslation();
  const mayCall = useMayCall();
  // The users as they were when the action was chosen: the dialog's rows do not move while
  // the selection changes behind it (it is cleared at the end of the run).
  const [open, setOpen] = useState<{ action: BulkAction; users: readonly UserSummary[] }>();
  const items = BULK_ACTIONS.filter((action) => mayCall(BULK_ROUTES[action])).map((action) => ({
    id: action,
    text: t(`users.bulk.${action}.menu`),
  }));
  return (
    <>
      {users.length > 1 ? (
        <ButtonDropdown
          items={items}
          onItemClick={({ detail }) => setOpen({ action: detail.id as BulkAction, users })}
        >
          {t('users.actions')}
        </ButtonDropdown>
      ) : (
        single
      )}
      {open && (
        <Suspense>
          <BulkActionModal
            action={open.action}
            users={open.users}
            onFinished={onFinished}
            onClose={() => setOpen(undefined)}
          />
        </Suspense>
      )}
    </>
  );
}
