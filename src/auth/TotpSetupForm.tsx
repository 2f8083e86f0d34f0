import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../ui/use-action';
import { CenteredForm } from './CenteredForm';
import { PlainField } from './PlainField';
import { PlainErrorNotice, PlainNotice } from './PlainNotice';
import { useSession, type TotpSetup } from './session-context';
import { TotpCodeField } from './TotpCodeField';
import { BackToSignIn } from './TotpCodeForm';
import { useQrCode } from './use-qr-code';

/**
 * Cognito's MFA_SETUP challenge: the pool requires an authenticator app and the person has
 * none. The QR code, and the same secret as text to copy or type, then the first code.
 */
export function TotpSetupForm({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  const { confirmTotpCode, restartSignIn } = useSession();
  const [code, setCode] = useState('');
  const submit = useAction(confirmTotpCode);

  return (
    <CenteredForm
      title={t('totp.setupHeading')}
      intro={`${t('totp.setupRequired')} ${t('totp.scan')}`}
      submitLabel={t('totp.verify')}
      busy={submit.busy}
      onSubmit={() => void submit.run(code)}
      secondaryActions={<BackToSignIn onClick={restartSignIn} />}
      // The QR code and the key come before the code: start reading from the top.
      focusTitle
    >
      <PlainQrCode uri={setup.uri} />
      <SetupText label={t('totp.secret')} text={setup.secret} />
      <SetupText label={t('totp.uri')} text={setup.uri} />
      <TotpCodeField value={code} onChange={setCode} />
      <PlainErrorNotice error={submit.error} />
    </CenteredForm>
  );
}

/** The QR code, or (if it could not be drawn) a pointer to the setup key. */
function PlainQrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const { src, failed } = useQrCode(uri);
  if (failed) return <PlainNotice type="info">{t('totp.qrFailed')}</PlainNotice>;
  return src ? <img src={src} alt={t('totp.qrCode')} width={200} height={200} /> : null;
}

/** Text to copy, or select and type into the app: a read-only field, named by its label. */
function SetupText({ label, text }: { label: string; text: string }) {
  return (
    <PlainField
      label={label}
      value={text}
      readOnly
      spellCheck={false}
      autoComplete="off"
      onChange={() => {}}
      onFocus={(event) => event.currentTarget.select()}
    />
  );
}
