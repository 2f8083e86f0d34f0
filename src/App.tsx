import type { ComponentType } from 'react';
import { BrowserRouter, Navigate, useRoutes, type RouteObject } from 'react-router';
import { ADMIN_AREA, ADMIN_SCREENS, GROUP_SCREEN, USER_SCREEN } from './app/admin-screens';
import { CHANGE_PASSWORD_PATH } from './auth/change-password-path';
import { SECURITY_PATH } from './auth/security-path';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';
import { ConsoleFrame, SignedOutFrame } from './ui/ConsoleFrame';
import { screenLoader } from './ui/screen-loader';

/** A screen (a module's default export) downloaded when it is first shown. */
const screen = (load: () => Promise<{ default: ComponentType }>) => screenLoader(load);

/**
 * Only the sign-in screen is in the first download; the signed-in frame and each screen are
 * loaded when opened, so the first load stays small and admin code never reaches other users.
 */
const routes: RouteObject[] = [
  {
    element: <ConsoleFrame />,
    children: [
      {
        element: <SignedOutFrame />,
        children: [
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: screen(() => import('./auth/ForgotPasswordPage')) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: screen(() => import('./app/SignedInLayout')),
            children: [
              { index: true, element: screen(() => import('./features/general/home/HomePage')) },
              {
                path: 'profile',
                element: screen(() => import('./features/general/profile/ProfilePage')),
              },
              {
                path: SECURITY_PATH.slice(1),
                element: screen(() => import('./features/general/profile/SecurityPage')),
              },
              {
                path: CHANGE_PASSWORD_PATH.slice(1),
                element: screen(() => import('./auth/ChangePasswordPage')),
              },
              { path: 'access', element: screen(() => import('./features/access/AccessPage')) },
              {
                path: ADMIN_AREA,
                element: screen(() => import('./auth/RequireRole')),
                children: [
                  { index: true, element: <Navigate to={ADMIN_SCREENS.users} replace /> },
                  {
                    path: ADMIN_SCREENS.users,
                    element: screen(() => import('./features/admin/users/UsersPage')),
                  },
                  {
                    path: USER_SCREEN,
                    element: screen(() => import('./features/admin/users/UserDetailPage')),
                  },
                  {
                    path: ADMIN_SCREENS.groups,
                    element: screen(() => import('./features/admin/groups/GroupsPage')),
                  },
                  {
                    path: GROUP_SCREEN,
                    element: screen(() => import('./features/admin/groups/GroupMembersPage')),
                  },
                  {
                    path: ADMIN_SCREENS.announcements,
                    element: screen(
                      () => import('./features/admin/announcements/AnnouncementsAdminPage'),
                    ),
                  },
                  {
                    path: ADMIN_SCREENS.audit,
                    element: screen(() => import('./features/admin/audit/AuditPage')),
                  },
                ],
              },
              {
                path: '*',
                element: screen(() =>
                  import('./ui/NotFoundPage').then(({ NotFoundPage }) => ({
                    default: NotFoundPage,
                  })),
                ),
              },
            ],
          },
        ],
      },
    ],
  },
];

function Routes() {
  return useRoutes(routes);
}

/**
 * React Router's declarative mode: the screens load their own data with TanStack Query, so
 * the data router's loaders and actions would only add weight to the first download.
 */
export function App() {
  return (
    <BrowserRouter>
      <Routes />
    </BrowserRouter>
  );
}
