import type { ReactNode } from 'react';

export const PRODUCT_NAME = 'Cognito IAM console';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="app-header">
        <h1 className="app-title">{PRODUCT_NAME}</h1>
      </header>
      <main className="app-main">{children}</main>
    </>
  );
}
