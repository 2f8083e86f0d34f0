import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMutation, useQuery } from '@tanstack/react-query';
import { fetchMFAPreference, setUpTOTP, updateMFAPreference } from 'aws-amplify/auth';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localQuery } from '../../../api/route-queries';
import { authProblem } from '../../../auth/auth-problem';
import { useSession, useSignedInSession, type TotpSetup } from '../../../auth/session-context';
import { TOTP_ISSUER } from '../../../auth/totp-issuer';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { useFlash } from '../../../ui/flash';
import { QueryStatus } from '../../../ui/QueryStatus';
import { focusHeadingIn } from './focus-heading';
import { TotpSetupPanel } from './TotpSetupPanel';

/** The flashbar item about the authenticator app: a newer result replaces the older. */
const FLASH_ID = 'authenticator-app';

/** Amplify's calls, their failures as sentences about the app's codes. */
async function asTotpProblem<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw authProblem(error, 'totp');
  }
}

/**
 * Whether the authenticator app is on (Cognito's GetUser), and the ways to turn it on, replace
 * it, or turn it off (which asks first; an administrator cannot, since the admin API refuses
 * them without one). Results go to the flashbar; an administrator who turns it on is signed
 * out everywhere instead (see `endSessionsWithoutTotp`).
 */
export function AuthenticatorApp() {
  const { t } = useTranslation();
  const flash = useFlash();
  const { details, mustUseTotp } = useSignedInSession();
  const { noteTotp, endSessionsWithoutTotp } = useSession();
  const preference = useQuery(localQuery('mfaPreference', () => fetchMFAPreference()));
  const enabled = preference.data && (preference.data.enabled?.includes('TOTP') ?? false);
  // In a group whose role calls the admin API (admin, helpdesk): the app is required.
  const required = mustUseTotp;
  const [setup, setSetup] = useState<TotpSetup>();
  const [askingOff, setAskingOff] = useState(false);
  const section = useRef<HTMLDivElement>(null);

  // The pool's word wins over what the sign-in suggested (an app set up in another tab).
  useEffect(() => {
    if (enabled !== undefined) noteTotp(enabled);
  }, [enabled, noteTotp]);

  const start = useMutation({
    mutationFn: () =>
      asTotpProblem(async () => {
        const found = await setUpTOTP();
        return {
          secret: found.sharedSecret,
          uri: found.getSetupUri(TOTP_ISSUER, details.email).toString(),
        };
      }),
    onSuccess: setSetup,
    onError: (error) => flash.failure(FLASH_ID, error),
  });

  const turnOff = useMutation({
    mutationFn: () => asTotpProblem(() => updateMFAPreference({ totp: 'DISABLED' })),
    onSuccess: async () => {
      flash.success(FLASH_ID, t('security.turnedOff'));
      await preference.refetch();
    },
    onError: (error) => flash.failure(FLASH_ID, error),
  });

  /** The setup panel goes away with focus in it: focus goes to this section's heading. */
  function closeSetup() {
    focusHeadingIn(section.current);
    setSetup(undefined);
  }

  async function turnedOn() {
    // Sessions opened before the app keep their rights until they end. The sign-in this leads
    // to takes someone sent here on the way somewhere (`from`) on there.
    if (required) return endSessionsWithoutTotp();
    closeSetup();
    flash.success(FLASH_ID, t('security.turnedOn'));
    noteTotp(true);
    await preference.refetch();
  }

  const busy = start.isPending || turnOff.isPending;
  const actions =
    enabled === undefined ? undefined : (
      <SpaceBetween direction="horizontal" size="xs">
        {enabled && (
          <Button
            disabled={busy || required}
            disabledReason={required ? t('security.adminKeeps') : undefined}
            loading={turnOff.isPending}
            onClick={() => setAskingOff(true)}
          >
            {t('security.turnOff')}
          </Button>
        )}
        <Button
          variant={enabled ? 'normal' : 'primary'}
          disabled={busy || setup !== undefined}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {enabled ? t('security.replace') : t('security.setUp')}
        </Button>
      </SpaceBetween>
    );

  return (
    <SpaceBetween size="l">
      <div ref={section}>
        <Container
          header={
            <Header variant="h2" description={t('security.appDescription')} actions={actions}>
              {t('security.appHeading')}
            </Header>
          }
        >
          <QueryStatus query={preference}>
            {() => (
              <KeyValuePairs
                items={[
                  {
                    label: t('security.status'),
                    value: enabled ? (
                      <StatusIndicator type="success">{t('security.on')}</StatusIndicator>
                    ) : (
                      <StatusIndicator type="stopped">{t('security.off')}</StatusIndicator>
                    ),
                  },
                ]}
              />
            )}
          </QueryStatus>
        </Container>
      </div>
      {setup && <TotpSetupPanel setup={setup} onVerified={turnedOn} onCancel={closeSetup} />}
      {askingOff && (
        <ConfirmModal
          visible
          header={t('security.turnOff')}
          confirmLabel={t('security.turnOffConfirm')}
          onConfirm={() => {
            setAskingOff(false);
            turnOff.mutate();
          }}
          onDismiss={() => setAskingOff(false)}
        >
          {t('security.turnOffWarning')}
        </ConfirmModal>
      )}
    </SpaceBetween>
  );
}
