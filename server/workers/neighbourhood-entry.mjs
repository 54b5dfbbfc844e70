// The entry of placement's second thread (neighbourhood-helper.ts): like entry.mjs, it registers
// tsx in this thread before loading the TypeScript that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./neighbourhood-thread.ts');
