import TopNavigation, {
  type TopNavigationProps,
} from '@cloudscape-design/components/top-navigation';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LANGUAGES } from '@contract/languages';
import { CHANGE_PASSWORD_PATH } from '../auth/change-password-path';
import { roleName } from '../auth/roles/role-name';
import { useSession } from '../auth/session-context';
import { currentLanguage } from '../i18n/i18n';
import { chooseMode, MODE_CHOICES, storedModeChoice, type ModeChoice } from './visual-mode';

/** The top bar's element id: the signed-in frame's layout sits below it. */
export const TOP_BAR_ID = 'top-bar';

/** Loaded when first opened: most sessions never switch role. */
const SwitchRoleModal = lazy(() => import('../auth/roles/SwitchRoleModal'));

const SIGN_OUT = 'sign-out';
const SWITCH_ROLE = 'switch-role';
const modeItem = (choice: ModeChoice) => `mode-${choice}`;

/**
 * The AWS console's top bar: the product's name (to Home), the language, and for a
 * signed-in person the role the console acts as (choosing it switches role) and their menu
 * (Profile, Access, Switch role, password, appearance, sign out).
 */
export function TopBar() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { state, signOut } = useSession();
  const [mode, setMode] = useState(storedModeChoice);
  const [switching, setSwitching] = useState(false);
  const language = currentLanguage(i18n);

  const follow = (event: CustomEvent<{ href?: string; external?: boolean }>) => {
    if (!event.detail.href || event.detail.external) return;
    event.preventDefault();
    void navigate(event.detail.href);
  };

  const languageMenu: TopNavigationProps.MenuDropdownUtility = {
    type: 'menu-dropdown',
    text: t(`app.languages.${language}`),
    title: t('app.language'),
    ariaLabel: t('app.languageMenu', { language: t(`app.languages.${language}`) }),
    iconName: 'globe',
    items: LANGUAGES.map((id) => ({
      id,
      text: t(`app.languages.${id}`),
      lang: id,
      itemType: 'checkbox' as const,
      checked: id === language,
    })),
    onItemClick: ({ detail }) => void i18n.changeLanguage(detail.id),
  };

  const utilities: TopNavigationProps.Utility[] = [languageMenu];
  if (state.status === 'signedIn') {
    const { email, role, roles } = state.details;
    if (role) {
      utilities.push({
        type: 'button',
        text: t('roles.actingAs', { role: roleName(role) }),
        ariaLabel: t('roles.actingAsLabel', { role: roleName(role) }),
        iconName: 'key',
        disableTextCollapse: true,
        onClick: () => setSwitching(true),
      });
    }
    utilities.push({
      type: 'menu-dropdown',
      text: email,
      description: t('app.signedInAs', { email }),
      ariaLabel: t('app.userMenu', { email }),
      iconName: 'user-profile',
      items: [
        { id: 'profile', text: t('app.nav.profile'), href: '/profile' },
        { id: 'access', text: t('app.nav.access'), href: '/access' },
        // Only with a role to switch to (the header's role says which one it is anyway).
        ...(roles.length > 1 ? [{ id: SWITCH_ROLE, text: t('roles.heading') }] : []),
        { id: 'password', text: t('session.changePassword'), href: CHANGE_PASSWORD_PATH },
        {
          id: 'mode',
          text: t('app.mode.label'),
          items: MODE_CHOICES.map((choice) => ({
            id: modeItem(choice),
            text: t(`app.mode.${choice}`),
            itemType: 'checkbox' as const,
            checked: choice === mode,
          })),
        },
        { id: SIGN_OUT, text: t('signOut.submit') },
      ],
      onItemFollow: follow,
      onItemClick: ({ detail }) => {
        if (detail.id === SIGN_OUT) return void signOut();
        if (detail.id === SWITCH_ROLE) return setSwitching(true);
        const choice = MODE_CHOICES.find((c) => modeItem(c) === detail.id);
        if (choice) {
          chooseMode(choice);
          setMode(choice);
        }
      },
    });
  }

  return (
    <div id={TOP_BAR_ID} className="top-bar">
      <TopNavigation
        identity={{ href: '/', title: t('app.title'), onFollow: follow }}
        utilities={utilities}
        i18nStrings={{
          overflowMenuTriggerText: t('app.more'),
          overflowMenuTitleText: t('app.all'),
          overflowMenuBackIconAriaLabel: t('app.back'),
          overflowMenuDismissIconAriaLabel: t('app.close'),
        }}
      />
      {switching && state.status === 'signedIn' && (
        <Suspense fallback={null}>
          <SwitchRoleModal visible onDismiss={() => setSwitching(false)} />
        </Suspense>
      )}
    </div>
  );
}
