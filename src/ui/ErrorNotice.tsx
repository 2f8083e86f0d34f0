/** An error announced to screen readers as it appears. Renders nothing without a message. */
export function ErrorNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
