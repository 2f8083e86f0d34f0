import AppLayout from '@cloudscape-design/components/app-layout-toolbar';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation, {
  type SideNavigationProps,
} from '@cloudscape-design/components/side-navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMayCall } from '../auth/use-may-call';
import { MAIN_CONTENT_ID } from '../ui/ConsoleFrame';
import { FlashMessages } from '../ui/flash';
import { OfflineNotice } from '../ui/OfflineNotice';
import { ScreenInfoProvider, useScreenInfo } from '../ui/screen';
import { TOP_BAR_ID, TopBar } from '../ui/TopBar';
import { ADMIN_SCREENS, screenRead } from './admin-screens';
import { RoleNotices } from './RoleNotices';

/** Below this width Cloudscape lays out for a phone: the navigation is a drawer, closed. */
const PHONE_QUERY = '(max-width: 688px)';
const isPhone = () => window.matchMedia?.(PHONE_QUERY).matches ?? false;

/**
 * The signed-in frame, as the AWS console lays it out: side navigation (the admin section
 * only for administrators), breadcrumbs, the flashbar, then the screen. On navigation the
 * new screen's heading takes focus, so a screen reader starts there.
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mayCall = useMayCall();
  const [screen, setScreen] = useScreenInfo();
  const [navigationOpen, setNavigationOpen] = useState(() => !isPhone());
  // The first screen keeps the page's own start (the skip link is the first Tab stop); each
  // navigation after it moves focus to the new screen's heading.
  const focusedFor = useRef<string | undefined>(pathname);

  useEffect(() => {
    if (!screen || focusedFor.current === pathname) return;
    const heading = document.querySelector<HTMLElement>(`#${MAIN_CONTENT_ID} h1`);
    if (!heading) return;
    focusedFor.current = pathname;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [screen, pathname]);

  const follow = (event: CustomEvent<{ href: string; external?: boolean }>) => {
    if (event.detail.external) return;
    event.preventDefault();
    void navigate(event.detail.href);
    if (isPhone()) setNavigationOpen(false);
  };

  const adminScreens = Object.entries(ADMIN_SCREENS).filter(([, href]) =>
    mayCall(screenRead(href)),
  );
  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: t('app.nav.home'), href: '/' },
    { type: 'link', text: t('app.nav.profile'), href: '/profile' },
    { type: 'link', text: t('app.nav.access'), href: '/access' },
  ];
  if (adminScreens.length > 0) {
    items.push({ type: 'divider' });
    items.push({
      type: 'section-group',
      title: t('app.nav.admin'),
      items: adminScreens.map(([key, href]) => ({
        type: 'link' as const,
        text: t(`app.nav.${key as keyof typeof ADMIN_SCREENS}`),
        href,
      })),
    });
  }
  const hrefs = [...Object.values(ADMIN_SCREENS), '/profile', '/access'];
  const activeHref = hrefs.find((href) => pathname === href || pathname.startsWith(`${href}/`));

  const home = { text: t('app.nav.home'), href: '/' };
  const crumbs =
    screen && pathname !== '/'
      ? [home, ...screen.trail, { text: screen.title, href: pathname }]
      : [home];

  return (
    <>
      <TopBar />
      <AppLayout
        headerSelector={`#${TOP_BAR_ID}`}
        navigation={
          <SideNavigation activeHref={activeHref ?? '/'} items={items} onFollow={follow} />
        }
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        breadcrumbs={
          <BreadcrumbGroup items={crumbs} onFollow={follow} ariaLabel={t('app.breadcrumbs')} />
        }
        notifications={
          <>
            <OfflineNotice />
            <RoleNotices />
            <FlashMessages />
          </>
        }
        toolsHide
        ariaLabels={{
          navigation: t('app.nav.label'),
          navigationClose: t('app.nav.close'),
          navigationToggle: t('app.nav.open'),
          notifications: t('app.notifications'),
        }}
        content={
          <div id={MAIN_CONTENT_ID} tabIndex={-1} className="screen">
            <ScreenInfoProvider onChange={setScreen}>
              <Outlet />
            </ScreenInfoProvider>
          </div>
        }
      />
    </>
  );
}
