import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AccountPage } from './auth/AccountPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { RequireGroup, RequireSession } from './auth/guards';
import { SignInPage } from './auth/SignInPage';
import { GROUPS } from './contract/groups';
import { HomePage } from './features/general/home/HomePage';
import { AppLayout } from './ui/AppLayout';
import { NotFoundPage } from './ui/NotFoundPage';

/** Admin screens are loaded only when opened, so the first load stays small. */
const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          {
            path: 'admin',
            element: <RequireGroup group={GROUPS.admin.name} />,
            children: [
              { index: true, element: <Navigate to="access" replace /> },
              {
                path: 'access',
                lazy: async () => ({
                  Component: (await import('./features/admin/access/AccessPage')).AccessPage,
                }),
              },
              {
                path: 'announcements',
                lazy: async () => ({
                  Component: (await import('./features/admin/announcements/AnnouncementsAdminPage'))
                    .AnnouncementsAdminPage,
                }),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
