/* eslint-disable react-refresh/only-export-components -- test support, never hot-reloaded */
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { ApiContext, type Apis } from '../api/api-context';
import { createQueryClient } from '../api/query-client';
import type { SigningFetch } from '../api/signing-fetch';
import { SessionContext, type Session } from '../auth/session-context';
import type { SessionDetails } from '../auth/summarize-session';
import { RuntimeConfigContext } from '../config/runtime-config-context';
import type { RuntimeConfig } from '@contract/runtime-config';
import { byLeastPrivilege, callsAdminApi, GROUPS, isGroupName } from '@contract';
import { en } from '../i18n/en';
import { CloudscapeLanguage } from '../app/CloudscapeLanguage';
import { FlashMessages, FlashProvider } from '../ui/flash';
import { fakeApi, type FakeRoutes } from './fake-api';

// What the screens wait for arrives on the machine's time, not the clock's: in a full run (three
// files at once on two cores, local stacks among them) a Cloudscape render can take over
// Testing Library's default second, so `findBy…` and `waitFor` wait up to five.
configure({ asyncUtilTimeout: 5_000 });

// Cloudscape's flashbar moves focus to a new error with `CSS.escape`, which jsdom lacks.
if (typeof globalThis.CSS?.escape !== 'function') {
  globalThis.CSS = { escape: (text: string) => text.replace(/[^\w-]/g, '\\$&') } as typeof CSS;
}

export interface ScreenOptions {
  /** The fake APIs' answers. */
  routes?: FakeRoutes;
  /** Who is signed in. */
  session?: Partial<SessionDetails>;
  /** The address the router starts at. */
  at?: string;
  /** The signing fetch, for calls outside the typed client (the access probe). */
  signedFetch?: SigningFetch;
  /** An administrator the console knows has no authenticator app yet. */
  adminNeedsTotp?: boolean;
  /**
   * The console's own session provider in place of the fake signed-in session, for flows
   * that leave the session (the test mocks Amplify; `session` is then unused).
   */
  sessionProvider?: ComponentType<{ children: ReactNode }>;
}

export const TEST_CONFIG: RuntimeConfig = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_Test',
  userPoolClientId: 'client',
  identityPoolId: 'ap-northeast-1:00000000-0000-4000-8000-000000000000',
  adminApiUrl: 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod',
  generalApiUrl: '/api',
};

/** The console's English, as the signed-in screens have it. */
export async function englishI18n() {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/**
 * Renders screens as the console mounts them once signed in: English (the console's and
 * Cloudscape's), a signed-in session, the runtime config, the API context answered by
 * `routes`, the query cache the console makes (`createQueryClient`) and the flashbar, inside a
 * router.
 */
export async function renderScreen(ui: ReactNode, options: ScreenOptions = {}) {
  const groups = options.session?.groups ?? [];
  const details: SessionDetails = {
    email: 'admin@example.com',
    sub: undefined,
    groups,
    role: undefined,
    // Unless a test says otherwise, the session acts as its most privileged group (an
    // administrator who has switched to the admin role), or as admin with no groups given.
    actingGroup: groups.length
      ? byLeastPrivilege(groups.filter(isGroupName)).at(-1)
      : GROUPS.admin.name,
    roles: [],
    roleUntil: undefined,
    identityId: undefined,
    accessKeyPrefix: undefined,
    credentialsExpire: undefined,
    ...options.session,
  };
  const session = {
    state: {
      status: 'signedIn',
      details,
      generation: 1,
      mustUseTotp: groups.some((group) => isGroupName(group) && callsAdminApi(group)),
      adminNeedsTotp: options.adminNeedsTotp ?? false,
    },
    refreshAccess: vi.fn(async () => {}),
    switchRole: vi.fn(async () => {}),
    noteTotp: vi.fn(),
    endSessionsWithoutTotp: vi.fn(async () => {}),
  } as unknown as Session;
  const RealSession = options.sessionProvider;
  const withSession = (children: ReactNode) =>
    RealSession ? (
      <RealSession>{children}</RealSession>
    ) : (
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    );
  const { api, calls } = fakeApi(options.routes ?? {});
  const apis: Apis = {
    signedFetch:
      options.signedFetch ?? (() => Promise.reject(new Error('The test gave no signed fetch'))),
    api,
  };
  const queryClient = createQueryClient(api);
  render(
    <I18nextProvider i18n={await englishI18n()}>
      <RuntimeConfigContext.Provider value={TEST_CONFIG}>
        {withSession(
          <ApiContext.Provider value={apis}>
            <QueryClientProvider client={queryClient}>
              <CloudscapeLanguage>
                <FlashProvider>
                  <FlashMessages />
                  <MemoryRouter initialEntries={[options.at ?? '/']}>{ui}</MemoryRouter>
                </FlashProvider>
              </CloudscapeLanguage>
            </QueryClientProvider>
          </ApiContext.Provider>,
        )}
      </RuntimeConfigContext.Provider>
    </I18nextProvider>,
  );
  return { user: userEvent.setup(), calls, queryClient, session };
}

/** A screen at its own address, so several can be on show at once, each with its parameters. */
export function At({
  path,
  pattern,
  children,
}: {
  path: string;
  pattern: string;
  children: ReactNode;
}) {
  return (
    <Routes location={path}>
      <Route path={pattern} element={children} />
    </Routes>
  );
}
