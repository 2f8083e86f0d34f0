import type { FormEvent, ReactNode } from 'react';
import { useScreen } from '../ui/screen';
import { useFocusOnMount } from './use-focus-on-mount';

/**
 * A form on its own, centred, as the screens before sign-in show them: a heading (the
 * screen's title too), an optional intro, the fields (and what went wrong), the actions.
 *
 * Plain HTML drawn to look like a Cloudscape `Form` in a `Container` (app.css, with the same
 * colours, radii and type): the smallest Cloudscape component brings about 80 KB gzip of its
 * shared runtime and design tokens, which would take the first download past its 200 KB
 * budget. Everything after sign-in is Cloudscape itself.
 */
export function CenteredForm({
  title,
  intro,
  onSubmit,
  submitLabel,
  busy,
  secondaryActions,
  footer,
  focusTitle = false,
  children,
}: {
  title: string;
  intro?: ReactNode;
  onSubmit(): void;
  submitLabel: string;
  busy: boolean;
  secondaryActions?: ReactNode;
  footer?: ReactNode;
  /** The heading takes focus when the form appears, so its intro and fields read in order. */
  focusTitle?: boolean;
  children: ReactNode;
}) {
  useScreen(title);
  const titleRef = useFocusOnMount<HTMLHeadingElement>(focusTitle);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className="plain-card" onSubmit={submit} aria-labelledby="form-title">
      <h1 id="form-title" ref={titleRef} tabIndex={focusTitle ? -1 : undefined}>
        {title}
      </h1>
      {intro && <p className="plain-intro">{intro}</p>}
      <div className="plain-fields">{children}</div>
      <div className="plain-actions">
        {secondaryActions}
        <button type="submit" className="plain-primary" disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
      </div>
      {footer && <div className="plain-footer">{footer}</div>}
    </form>
  );
}
