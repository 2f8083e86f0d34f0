import { AppLayout } from '../ui/AppLayout';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Shown instead of the app when /config.json is missing or invalid. */
export function ConfigErrorScreen({ message }: { message: string }) {
  return (
    <AppLayout>
      <section className="panel" aria-labelledby="config-error-heading">
        <h2 id="config-error-heading">The console could not start</h2>
        <ErrorNotice message={message} />
      </section>
    </AppLayout>
  );
}
