/** src/cli/cli.ts, the CLI's entry point. */
export declare const CLI_ENTRY: string;
/** dist-cli/console-api.mjs, what the `console-api` bin runs. */
export declare const CLI_OUTPUT: string;
/** Bundles the CLI into `CLI_OUTPUT`; resolves to the packages (and node: modules) it imports. */
export declare function buildCli(): Promise<string[]>;
