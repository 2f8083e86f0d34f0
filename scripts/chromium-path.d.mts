export declare const ENV_VARIABLE: 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';
export declare const SYSTEM_CHROMIUM: string;

export interface ResolvedChromium {
  executablePath: string;
  /** `PLAYWRIGHT_CHROMIUM_EXECUTABLE`, `system` or `playwright`. */
  source: string;
}

export interface ChromiumProbe {
  exists?: (path: string) => boolean;
  /** Where Playwright's own Chromium would be (it may not be downloaded). */
  bundledPath?: () => string | undefined;
}

/** Throws when PLAYWRIGHT_CHROMIUM_EXECUTABLE names a missing file. */
export declare function resolveChromium(
  env?: NodeJS.ProcessEnv,
  probe?: ChromiumProbe,
): ResolvedChromium | undefined;
