import Alert, { type AlertProps } from '@cloudscape-design/components/alert';
import type { ReactNode } from 'react';

/**
 * A Cloudscape alert that screen readers announce as it appears: an error interrupts
 * (`alert`), anything else waits its turn (`status`). Cloudscape's `Alert` is silent by
 * itself; the flashbar is for results of actions, this is for what a screen says in place.
 */
export function Notice({
  type = 'info',
  header,
  action,
  children,
}: {
  type?: AlertProps.Type;
  header?: ReactNode;
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div role={type === 'error' ? 'alert' : 'status'}>
      <Alert type={type} header={header} action={action}>
        {children}
      </Alert>
    </div>
  );
}
