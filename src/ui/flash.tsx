/* eslint-disable react-refresh/only-export-components -- a provider and its hooks belong together */
import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from './describe-error';

/** One result of an action, as the flashbar shows it until it is dismissed or replaced. */
export interface Flash {
  /**
   * What the flash is about ("user:alice", "announcement"): a new flash with the same id
   * replaces the old one, so a later result never stands beside an outdated one.
   */
  id: string;
  type: 'success' | 'error' | 'info' | 'warning';
  header: string;
  content?: ReactNode;
}

interface Flashes {
  items: readonly Flash[];
  notify(flash: Flash): void;
  dismiss(id: string): void;
}

const FlashContext = createContext<Flashes | null>(null);

/** The flashbar's items for everything inside; newest first, as the AWS console stacks them. */
export function FlashProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<readonly Flash[]>([]);
  const notify = useCallback(
    (flash: Flash) => setItems((now) => [flash, ...now.filter((item) => item.id !== flash.id)]),
    [],
  );
  const dismiss = useCallback(
    (id: string) => setItems((now) => now.filter((item) => item.id !== id)),
    [],
  );
  const value = useMemo(() => ({ items, notify, dismiss }), [items, notify, dismiss]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

/** Tells the person what an action did (or why it failed) in the flashbar. */
export function useFlash() {
  const flashes = useContext(FlashContext);
  if (!flashes) throw new Error('useFlash needs a FlashProvider');
  const { t } = useTranslation();
  const { notify, dismiss } = flashes;
  return useMemo(
    () => ({
      notify,
      dismiss,
      success: (id: string, header: string, content?: ReactNode) =>
        notify({ id, type: 'success', header, content }),
      /** A failure with its explanation and the API's request id, in the person's language. */
      failure: (id: string, error: unknown) => notify(errorFlash(id, error, t)),
    }),
    [notify, dismiss, t],
  );
}

function errorFlash(id: string, error: unknown, t: ReturnType<typeof useTranslation>['t']): Flash {
  const { message, explanation, requestId } = describeError(error, t);
  const details = [explanation, requestId && t('api.requestId', { requestId })].filter(Boolean);
  return {
    id,
    type: 'error',
    header: message,
    content: details.length > 0 ? details.map((line) => <div key={line}>{line}</div>) : undefined,
  };
}

/** The flashbar itself: each item dismissible, announced to screen readers as it appears. */
export function FlashMessages() {
  const flashes = useContext(FlashContext);
  const { t } = useTranslation();
  if (!flashes) return null;
  const items: FlashbarProps.MessageDefinition[] = flashes.items.map((flash) => ({
    id: flash.id,
    type: flash.type,
    header: flash.header,
    content: flash.content,
    dismissible: true,
    dismissLabel: t('app.dismiss'),
    onDismiss: () => flashes.dismiss(flash.id),
    ariaRole: flash.type === 'error' ? 'alert' : 'status',
  }));
  return <Flashbar items={items} />;
}
