import { config } from 'zod/mini';

// Zod compiles object parsers with `new Function` where it may. The console's CSP forbids
// eval, and even Zod's probe for it would be reported as a violation, so it never tries.
config({ jitless: true });
