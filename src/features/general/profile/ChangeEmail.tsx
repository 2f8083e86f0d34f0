import { useMutation, useQuery } from '@tanstack/react-query';
import {
  confirmUserAttribute,
  fetchUserAttributes,
  sendUserAttributeVerificationCode,
  updateUserAttribute,
} from 'aws-amplify/auth';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localQuery } from '../../../api/route-queries';
import { useSession } from '../../../auth/session-context';
import { say } from '../../../i18n/problem';
import { DescriptionItem, DescriptionList } from '../../../ui/DescriptionList';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { QueryStatus } from '../../../ui/QueryStatus';
import { Notice } from '../../../ui/Notice';
import { TextField } from '../../../ui/TextField';
import { checkCode, checkNewEmail, emailChangeProblem } from './email-change-checks';

/**
 * "Change email": the user pool keeps the current address until the person types the code that
 * Cognito sent to the new one (AttributesRequireVerificationBeforeUpdate), so a typo or someone
 * else's address changes nothing. Every step goes through Amplify's own calls.
 */
export function ChangeEmail({ onChanged }: { onChanged?(): void }) {
  const { t } = useTranslation();
  const { refreshAccess } = useSession();
  // Cognito's own record of the address (GetUser), with whether it is verified.
  const attributes = useQuery(localQuery('cognitoUserAttributes', () => fetchUserAttributes()));
  const { refetch: refetchAttributes } = attributes;
  /** The address a code was sent to, while the person is to type it. */
  const [pending, setPending] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [refreshFailure, setRefreshFailure] = useState<unknown>();

  const changed = useCallback(
    async (email: string) => {
      setPending(undefined);
      setNotice(t('emailChange.changed', { email }));
      setRefreshFailure(undefined);
      try {
        // A fresh ID token carries the new address to the APIs and the header.
        await refreshAccess();
      } catch (error) {
        setRefreshFailure(error);
      }
      // Read again here: a mounted query keeps the cache it started with (TanStack Query
      // binds its observer to the first QueryClient), not the new session generation's.
      onChanged?.();
      await refetchAttributes();
    },
    [onChanged, refetchAttributes, refreshAccess, t],
  );

  return (
    <section className="panel" aria-labelledby="change-email-heading">
      <h2 id="change-email-heading">{t('emailChange.heading')}</h2>
      <QueryStatus query={attributes}>
        {(found) => (
          <DescriptionList>
            <DescriptionItem term={t('emailChange.current')}>
              {t(
                found.email_verified === 'true' ? 'emailChange.verified' : 'emailChange.unverified',
                { email: found.email },
              )}
            </DescriptionItem>
          </DescriptionList>
        )}
      </QueryStatus>
      <Notice>{notice}</Notice>
      <ErrorNotice error={refreshFailure} />
      {pending === undefined ? (
        <AddressForm
          current={attributes.data?.email}
          onCodeSent={(email) => {
            setPending(email);
            setNotice(t('emailChange.codeSent', { email, current: attributes.data?.email }));
          }}
          onChanged={changed}
          onStart={() => setNotice(undefined)}
        />
      ) : (
        <CodeForm
          // A new address starts a new form: nothing typed or refused before carries over.
          key={pending}
          email={pending}
          onChanged={changed}
          onNotice={setNotice}
          onCancel={() => {
            setPending(undefined);
            setNotice(undefined);
          }}
        />
      )}
    </section>
  );
}

/** A failed step as the sentence under its field. */
function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown) =>
    error === undefined || error === null ? undefined : say(t, emailChangeProblem(error));
}

/** The new address; Cognito sends a code to it (UpdateUserAttributes). */
function AddressForm({
  current,
  onCodeSent,
  onChanged,
  onStart,
}: {
  current: string | undefined;
  onCodeSent(email: string): void;
  onChanged(email: string): Promise<void>;
  onStart(): void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [address, setAddress] = useState('');

  const send = useMutation({
    mutationFn: async () => {
      onStart();
      const email = checkNewEmail(address, current);
      let output;
      try {
        output = await updateUserAttribute({
          userAttribute: { attributeKey: 'email', value: email },
        });
      } catch (error) {
        throw emailChangeProblem(error);
      }
      // DONE only in a pool that neither keeps the old address nor verifies the new one.
      if (output.nextStep.updateAttributeStep === 'DONE') await onChanged(email);
      else onCodeSent(email);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!send.isPending) send.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        label={t('emailChange.newAddress')}
        name="new-email"
        type="email"
        autoComplete="email"
        required
        value={address}
        error={problemText(send.error)}
        onChange={(e) => setAddress(e.target.value)}
      />
      <button type="submit" disabled={send.isPending}>
        {send.isPending ? t('emailChange.sending') : t('emailChange.sendCode')}
      </button>
    </form>
  );
}

/** The code from the message (VerifyUserAttribute), or another one sent. */
function CodeForm({
  email,
  onChanged,
  onNotice,
  onCancel,
}: {
  email: string;
  onChanged(email: string): Promise<void>;
  onNotice(notice: string | undefined): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [code, setCode] = useState('');

  const confirm = useMutation({
    mutationFn: async () => {
      const confirmationCode = checkCode(code);
      try {
        await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode });
      } catch (error) {
        throw emailChangeProblem(error);
      }
      await onChanged(email);
    },
  });

  const resend = useMutation({
    mutationFn: async () => {
      onNotice(undefined);
      try {
        await sendUserAttributeVerificationCode({ userAttributeKey: 'email' });
      } catch (error) {
        throw emailChangeProblem(error);
      }
      onNotice(t('emailChange.resent', { email }));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirm.isPending) confirm.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField
        label={t('form.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        error={problemText(confirm.error)}
        onChange={(e) => setCode(e.target.value)}
      />
      <ErrorNotice error={resend.error} />
      <div className="actions">
        <button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? t('emailChange.confirming') : t('emailChange.confirm')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {t('emailChange.resend')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
