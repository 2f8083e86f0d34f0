import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Profile } from '@contract';
import { routeQuery } from '../../../api/route-queries';
import { CHANGE_PASSWORD_PATH } from '../../../auth/change-password-path';
import { RefreshAccessButton } from '../../../auth/RefreshAccessButton';
import { SECURITY_PATH } from '../../../auth/security-path';
import { QueryStatus } from '../../../ui/QueryStatus';
import { useScreen } from '../../../ui/screen';
import { ChangeEmail } from './ChangeEmail';
import { ProfileForm } from './ProfileForm';
import { BreakableText } from '../../../ui/BreakableText';

/**
 * The signed-in person's profile: who they are, their display name and language, and ways to
 * change their password and e-mail address, manage their authenticator app (Security), or pick
 * up a group change.
 */
export default function ProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const profile = useQuery(routeQuery('getMyProfile'));
  useScreen(t('profile.heading'));
  const follow: ButtonProps['onFollow'] = (event) => {
    event.preventDefault();
    void navigate(event.detail.href ?? '/');
  };
  return (
    <SpaceBetween size="l">
      {/* A region named "Profile": the heading and what it is about, not the e-mail change. */}
      <section aria-labelledby={headingId}>
        <SpaceBetween size="l">
          <Header
            variant="h1"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button href={CHANGE_PASSWORD_PATH} onFollow={follow}>
                  {t('session.changePassword')}
                </Button>
                <Button href={SECURITY_PATH} onFollow={follow}>
                  {t('security.heading')}
                </Button>
                <RefreshAccessButton />
              </SpaceBetween>
            }
          >
            <span id={headingId}>{t('profile.heading')}</span>
          </Header>
          <QueryStatus query={profile}>
            {(current) => (
              <SpaceBetween size="l">
                <ProfileDetails profile={current} />
                <Container header={<Header variant="h2">{t('profile.preferencesHeading')}</Header>}>
                  <ProfileForm profile={current} />
                </Container>
              </SpaceBetween>
            )}
          </QueryStatus>
        </SpaceBetween>
      </section>
      {/* Outside the profile's query, so reading the profile again does not reset it. */}
      <ChangeEmail onChanged={() => void profile.refetch()} />
    </SpaceBetween>
  );
}

/** Who the person is, as the general API knows them from their ID token. */
function ProfileDetails({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  return (
    <Container header={<Header variant="h2">{t('profile.detailsHeading')}</Header>}>
      <KeyValuePairs
        columns={2}
        items={[
          {
            label: t('session.email'),
            value: <BreakableText text={profile.email} />,
          },
          {
            label: t('session.groups'),
            value: profile.groups.length ? profile.groups.join(', ') : t('session.noGroups'),
          },
        ]}
      />
    </Container>
  );
}
