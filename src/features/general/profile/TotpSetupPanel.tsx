import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authProblem } from '../../../auth/auth-problem';
import type { TotpSetup } from '../../../auth/session-context';
import { onlyDigits } from '../../../auth/totp-code';
import { useQrCode } from '../../../auth/use-qr-code';
import { Problem, say } from '../../../i18n/problem';
import { focusHeadingIn } from './focus-heading';

/**
 * Setting up (or replacing) the authenticator app: the QR code, the same secret as text to
 * copy or type, then the first code, which verifies the app and turns it on for sign-in.
 */
export function TotpSetupPanel({
  setup,
  onVerified,
  onCancel,
}: {
  setup: TotpSetup;
  /** Verify stays busy until what it returns settles (an administrator's sign-out). */
  onVerified(): Promise<void> | void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  // "Set up" is disabled while this is open: focus would stay on a dead button.
  useEffect(() => focusHeadingIn(panel.current), []);
  const verify = useMutation({
    mutationFn: async () => {
      if (code.length !== 6) throw new Problem('authErrors.enterTotpCode');
      try {
        await verifyTOTPSetup({ code });
        // Verified is not yet used at sign-in: preferring it turns it on.
        await updateMFAPreference({ totp: 'PREFERRED' });
      } catch (error) {
        throw authProblem(error, 'totp');
      }
    },
    onSuccess: () => onVerified(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!verify.isPending) verify.mutate();
  }

  return (
    <div ref={panel}>
      <Container header={<Header variant="h2">{t('totp.setupHeading')}</Header>}>
        <form onSubmit={onSubmit} noValidate>
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" formAction="none" onClick={onCancel}>
                  {t('app.cancel')}
                </Button>
                <Button variant="primary" formAction="submit" loading={verify.isPending}>
                  {t('totp.verify')}
                </Button>
              </SpaceBetween>
            }
          >
            <SpaceBetween size="m">
              <Box variant="p">{t('totp.scan')}</Box>
              <QrCodeImage uri={setup.uri} />
              <FormField
                label={t('totp.secret')}
                secondaryControl={
                  <CopyToClipboard
                    variant="icon"
                    textToCopy={setup.secret}
                    copyButtonAriaLabel={t('security.copySecret')}
                    copySuccessText={t('security.copied')}
                    copyErrorText={t('security.copyFailed')}
                  />
                }
              >
                <Input value={setup.secret} readOnly spellcheck={false} onChange={() => {}} />
              </FormField>
              <FormField label={t('totp.uri')}>
                <Input value={setup.uri} readOnly spellcheck={false} onChange={() => {}} />
              </FormField>
              <FormField
                label={t('totp.code')}
                errorText={verify.error ? say(t, authProblem(verify.error)) : undefined}
              >
                <Input
                  name="code"
                  value={code}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  onChange={({ detail }) => setCode(onlyDigits(detail.value))}
                />
              </FormField>
            </SpaceBetween>
          </Form>
        </form>
      </Container>
    </div>
  );
}

/** The QR code, or (if it could not be drawn) a pointer to the setup key. */
function QrCodeImage({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const { src, failed } = useQrCode(uri);
  if (failed) return <Box color="text-status-info">{t('totp.qrFailed')}</Box>;
  return src ? <img src={src} alt={t('totp.qrCode')} width={200} height={200} /> : null;
}
