import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainField } from './PlainField';
import { onlyDigits } from './totp-code';

/** The six-digit code from the authenticator app, before sign-in (one-time-code: phones offer it). */
export function TotpCodeField({
  value,
  onChange,
  ref,
}: {
  value: string;
  onChange(code: string): void;
  ref?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  return (
    <PlainField
      label={t('totp.code')}
      ref={ref}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      title={t('authErrors.enterTotpCode')}
      required
      value={value}
      onChange={(typed) => onChange(onlyDigits(typed))}
    />
  );
}
