#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the bin and `npm run api --` run the same source.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/cli.ts');
