import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
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
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { QueryStatus } from '../../../ui/QueryStatus';
import { Notice } from '../../../ui/Notice';
import { RegionContainer } from '../../../ui/RegionContainer';
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
    <RegionContainer heading={t('emailChange.heading')}>
      <SpaceBetween size="l">
        <QueryStatus query={attributes}>
          {(found) => (
            <KeyValuePairs
              items={[
                {
                  label: t('emailChange.current'),
                  value: t(
                    found.email_verified === 'true'
                      ? 'emailChange.verified'
                      : 'emailChange.unverified',
                    { email: found.email },
                  ),
                },
              ]}
            />
          )}
        </QueryStatus>
        {notice && <Notice>{notice}</Notice>}
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
      </SpaceBetween>
    </RegionContainer>
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
      <Form
        actions={
          <Button
            variant="primary"
            formAction="submit"
            loading={send.isPending}
            loadingText={t('emailChange.sending')}
          >
            {t('emailChange.sendCode')}
          </Button>
        }
      >
        <FormField label={t('emailChange.newAddress')} errorText={problemText(send.error)}>
          <Input
            name="new-email"
            type="email"
            inputMode="email"
            autoComplete="email"
            value={address}
            onChange={({ detail }) => setAddress(detail.value)}
          />
        </FormField>
      </Form>
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
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
            <Button formAction="none" loading={resend.isPending} onClick={() => resend.mutate()}>
              {t('emailChange.resend')}
            </Button>
            <Button
              variant="primary"
              formAction="submit"
              loading={confirm.isPending}
              loadingText={t('emailChange.confirming')}
            >
              {t('emailChange.confirm')}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="m">
          <FormField label={t('form.code')} errorText={problemText(confirm.error)}>
            <Input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={({ detail }) => setCode(detail.value)}
            />
          </FormField>
          <ErrorNotice error={resend.error} />
        </SpaceBetween>
      </Form>
    </form>
  );
}
