/**
 * Moves focus to the first heading inside `container`, made focusable for it (but not a Tab
 * stop): when the control that had focus goes away or is disabled, a screen reader goes on
 * from the part of the screen that changed, rather than from the top of the page.
 */
export function focusHeadingIn(container: HTMLElement | null): void {
  const heading = container?.querySelector<HTMLElement>('h1, h2, h3');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}
