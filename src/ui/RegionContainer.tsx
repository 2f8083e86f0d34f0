import Container from '@cloudscape-design/components/container';
import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import { useId, type ReactNode } from 'react';

/**
 * A Cloudscape container that is also a landmark named by its heading, so assistive tech (and
 * the end-to-end tests) find "This browser’s session" as a region: `Container` alone is a div.
 */
export function RegionContainer({
  heading,
  description,
  actions,
  children,
}: {
  heading: string;
  description?: ReactNode;
  actions?: HeaderProps['actions'];
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Container
        header={
          <Header variant="h2" description={description} actions={actions}>
            <span id={headingId}>{heading}</span>
          </Header>
        }
      >
        {children}
      </Container>
    </section>
  );
}
