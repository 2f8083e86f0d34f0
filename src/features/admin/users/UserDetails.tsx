import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '@contract';
import { BreakableText } from '../../../ui/BreakableText';
import { DateTime } from '../../../ui/DateTime';
import { UserEnabledIndicator, UserMfaIndicator, UserStatusIndicator } from './UserStatusIndicator';

/** What Cognito keeps about one user: address (verified or not), state, MFA, id and dates. */
export function UserDetails({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  return (
    <Container header={<Header variant="h2">{t('users.detail.details')}</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: t('users.email'),
            value: (
              <SpaceBetween size="xxs">
                <Box variant="span">
                  <BreakableText text={user.email} />
                </Box>
                {user.emailVerified ? (
                  <StatusIndicator type="success">{t('users.detail.verified')}</StatusIndicator>
                ) : (
                  <StatusIndicator type="warning">{t('users.detail.notVerified')}</StatusIndicator>
                )}
              </SpaceBetween>
            ),
          },
          { label: t('users.status'), value: <UserStatusIndicator status={user.status} /> },
          { label: t('users.enabled'), value: <UserEnabledIndicator enabled={user.enabled} /> },
          { label: t('users.mfa'), value: <UserMfaIndicator mfaEnabled={user.mfaEnabled} /> },
          { label: t('users.detail.username'), value: user.username },
          { label: t('users.created'), value: <DateTime value={user.createdAt} /> },
          { label: t('users.updated'), value: <DateTime value={user.updatedAt} /> },
        ]}
      />
    </Container>
  );
}
