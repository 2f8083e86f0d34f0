import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { updatePassword } from 'aws-amplify/auth';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Problem, say } from '../i18n/problem';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useFlash } from '../ui/flash';
import { useScreen } from '../ui/screen';
import { authProblem } from './auth-problem';
import { checkNewPassword } from './check-new-password';

const EMPTY = { oldPassword: '', newPassword: '', confirmation: '' };

/** The form's own check that belongs under the confirmation field, not above the form. */
const isMismatch = (error: unknown): error is Problem =>
  error instanceof Problem && error.key === 'form.passwordsDiffer';

/** Change the password while signed in (Cognito's ChangePassword, with the access token). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  const [values, setValues] = useState(EMPTY);
  const title = t('changePassword.heading');
  useScreen(title, [{ text: t('app.nav.profile'), href: '/profile' }]);

  const change = useMutation({
    mutationFn: async () => {
      const newPassword = checkNewPassword(values);
      try {
        await updatePassword({ oldPassword: values.oldPassword, newPassword });
      } catch (error) {
        throw authProblem(error, 'changePassword');
      }
    },
    onSuccess: () => {
      setValues(EMPTY);
      flash.success('password', t('changePassword.done'));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  }

  const field = (name: keyof typeof EMPTY) => ({
    type: 'password' as const,
    name,
    value: values[name],
    onChange: ({ detail }: { detail: { value: string } }) =>
      setValues((now) => ({ ...now, [name]: detail.value })),
  });
  const mismatch = isMismatch(change.error) ? say(t, change.error) : undefined;

  return (
    <SpaceBetween size="l">
      <Header variant="h1">{title}</Header>
      <form onSubmit={onSubmit} noValidate>
        <Form
          actions={
            <Button variant="primary" formAction="submit" loading={change.isPending}>
              {t('changePassword.submit')}
            </Button>
          }
        >
          <Container>
            <SpaceBetween size="m">
              <FormField label={t('form.currentPassword')}>
                <Input {...field('oldPassword')} autoComplete="current-password" />
              </FormField>
              <FormField label={t('form.newPassword')}>
                <Input {...field('newPassword')} autoComplete="new-password" />
              </FormField>
              <FormField label={t('form.confirmNewPassword')} errorText={mismatch}>
                <Input {...field('confirmation')} autoComplete="new-password" />
              </FormField>
              {!mismatch && <ErrorNotice error={change.error} />}
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </SpaceBetween>
  );
}
