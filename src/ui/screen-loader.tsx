import {
  Component,
  lazy,
  Suspense,
  useState,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';

type Load = () => Promise<{ default: ComponentType }>;

/**
 * A screen whose code is downloaded when it is first shown. If the download fails (offline,
 * or the server restarting), it says so with "Try again", which downloads it anew: React's
 * `lazy` remembers a failure, so a retry needs a fresh one.
 *
 * The lazy component lives outside React state on purpose: a navigation renders the new
 * screen in a transition, and state made during a render React then sets aside is thrown
 * away, so a `lazy` kept there would start over, and suspend, on every attempt.
 */
export function screenLoader(load: Load): ReactNode {
  let Screen = lazy(load);
  function ScreenLoader() {
    const [, setAttempt] = useState(0);
    const retry = () => {
      Screen = lazy(load);
      setAttempt((n) => n + 1);
    };
    return (
      <LoadFailureBoundary onRetry={retry}>
        <Suspense fallback={<Loading />}>
          <Screen />
        </Suspense>
      </LoadFailureBoundary>
    );
  }
  return <ScreenLoader />;
}

class LoadFailureBoundary extends Component<
  { onRetry(): void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A screen failed to load', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <LoadFailed
        onRetry={() => {
          this.setState({ failed: false });
          this.props.onRetry();
        }}
      />
    );
  }
}

function LoadFailed({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="plain-notice plain-notice-error" role="alert">
      <p>{t('app.screenFailed')}</p>
      <button type="button" className="plain-secondary" onClick={onRetry}>
        {t('app.tryAgain')}
      </button>
    </div>
  );
}
