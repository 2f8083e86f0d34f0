import { PRODUCT_NAME } from '../ui/ConsoleFrame';

/**
 * Shown instead of the app when /config.json is missing or invalid. The message names the
 * file and the field, for whoever deployed the console, so it is not translated.
 */
export function ConfigErrorScreen({ message }: { message: string }) {
  return (
    <>
      <header className="signed-out-bar">
        <span className="signed-out-title">{PRODUCT_NAME}</span>
      </header>
      <main className="signed-out">
        <section className="plain-card" aria-labelledby="config-error-heading">
          <h1 id="config-error-heading">The console could not start</h1>
          <div className="plain-notice plain-notice-error" role="alert">
            <p>{message}</p>
          </div>
        </section>
      </main>
    </>
  );
}
