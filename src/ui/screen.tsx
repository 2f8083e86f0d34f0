/* eslint-disable react-refresh/only-export-components -- a provider and its hook belong together */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A step of the breadcrumbs: a screen above this one. */
export interface Crumb {
  text: string;
  href: string;
}

/** What the frame shows about the screen on show: its title and the screens above it. */
export interface ScreenInfo {
  title: string;
  trail: readonly Crumb[];
}

const ScreenContext = createContext<((info: ScreenInfo) => void) | null>(null);

/** Lets the screens inside tell the frame their title and trail (for the breadcrumbs). */
export function ScreenInfoProvider({
  children,
  onChange,
}: {
  children: ReactNode;
  onChange(info: ScreenInfo): void;
}) {
  return <ScreenContext.Provider value={onChange}>{children}</ScreenContext.Provider>;
}

/**
 * Declares the screen on show: the document title ("Users · Cognito IAM console"), and, in
 * the signed-in frame, the breadcrumbs (`trail` is the screens above, Home excluded).
 */
export function useScreen(title: string, trail: readonly Crumb[] = []): void {
  const { t } = useTranslation();
  const tell = useContext(ScreenContext);
  const trailKey = JSON.stringify(trail);
  const product = t('app.title');
  useEffect(() => {
    document.title = title === product ? product : `${title} · ${product}`;
    tell?.({ title, trail: JSON.parse(trailKey) as Crumb[] });
  }, [title, trailKey, product, tell]);
}

/** Keeps the latest screen's info, for a frame that shows it. */
export function useScreenInfo() {
  return useState<ScreenInfo | undefined>(undefined);
}
