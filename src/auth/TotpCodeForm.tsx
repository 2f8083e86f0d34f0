import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../ui/use-action';
import { CenteredForm } from './CenteredForm';
import { PlainErrorNotice } from './PlainNotice';
import { useSession } from './session-context';
import { TotpCodeField } from './TotpCodeField';
import { useFocusOnMount } from './use-focus-on-mount';

/** Cognito's SOFTWARE_TOKEN_MFA challenge: the code the person's authenticator app shows. */
export function TotpCodeForm() {
  const { t } = useTranslation();
  const { confirmTotpCode, restartSignIn } = useSession();
  const [code, setCode] = useState('');
  const submit = useAction(confirmTotpCode);
  // The code is all this step asks for: the field is where the person goes on.
  const codeRef = useFocusOnMount<HTMLInputElement>();

  return (
    <CenteredForm
      title={t('totp.codeHeading')}
      intro={t('totp.codeIntro')}
      submitLabel={t('totp.verify')}
      busy={submit.busy}
      onSubmit={() => void submit.run(code)}
      secondaryActions={<BackToSignIn onClick={restartSignIn} />}
    >
      <TotpCodeField ref={codeRef} value={code} onChange={setCode} />
      <PlainErrorNotice error={submit.error} />
    </CenteredForm>
  );
}

/** Leaves the sign-in halfway, for the e-mail and password form. */
export function BackToSignIn({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="plain-secondary" onClick={onClick}>
      {t('forgotPassword.backToSignIn')}
    </button>
  );
}
