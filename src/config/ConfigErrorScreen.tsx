import { PRODUCT_NAME } from '../ui/ConsoleFrame';

/**
 * Shown instead of the app when /config.json is missing or invalid. The message names the
 * file and the field, for whoever deployed the console, so it is not translated.
 */
export function ConfigErrorScreen({ message }: { message: string }) {
  return (
    <>
      <header className="app-header">
        <h1 className="app-title">{PRODUCT_NAME}</h1>
      </header>
      <main className="app-main">
        <section className="panel" aria-labelledby="config-error-heading">
          <h2 id="config-error-heading">The console could not start</h2>
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        </section>
      </main>
    </>
  );
}
