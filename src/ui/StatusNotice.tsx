import type { ReactNode } from 'react';

/** A confirmation or progress message, announced politely to screen readers. */
export function StatusNotice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="notice notice-info" role="status">
      {children}
    </p>
  );
}
