import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';
import { useScreen } from '../ui/screen';

/**
 * A form on its own, centred, as the screens around sign-in show them: a heading (the
 * screen's title too), an optional intro, the fields (and what went wrong), the actions.
 * Submitting with Enter works, as a plain form's does.
 */
export function CenteredForm({
  title,
  intro,
  onSubmit,
  submitLabel,
  busy,
  secondaryActions,
  footer,
  children,
}: {
  title: string;
  intro?: ReactNode;
  onSubmit(): void;
  submitLabel: string;
  busy: boolean;
  secondaryActions?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  useScreen(title);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="centered-form">
      <form onSubmit={submit} noValidate>
        <Container
          header={
            <Header variant="h1" description={intro}>
              {title}
            </Header>
          }
          footer={footer}
        >
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs" alignItems="center">
                {secondaryActions}
                <Button variant="primary" formAction="submit" loading={busy} disabled={busy}>
                  {submitLabel}
                </Button>
              </SpaceBetween>
            }
          >
            <SpaceBetween size="l">{children}</SpaceBetween>
          </Form>
        </Container>
      </form>
    </div>
  );
}
