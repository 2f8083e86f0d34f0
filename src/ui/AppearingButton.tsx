import Button, { type ButtonProps } from '@cloudscape-design/components/button';
import { useEffect, useRef } from 'react';

/**
 * A button that takes the keyboard focus when it appears, for a dialog whose buttons change
 * as it goes (Start → Stop → Close): the button pressed is gone, and focus would otherwise
 * fall to the page behind the dialog. `takeFocus: false` leaves focus where it is (a
 * dialog's first buttons, which the dialog itself places).
 */
export function AppearingButton({
  takeFocus = true,
  ...props
}: ButtonProps & { takeFocus?: boolean }) {
  const ref = useRef<ButtonProps.Ref>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
    // On appearing only: a later render must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <Button ref={ref} {...props} />;
}
