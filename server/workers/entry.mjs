// The one file of the pool that is not TypeScript: a worker thread's entry. Node 20 cannot load .ts,
// vitest's transform does not reach worker threads, and on Node 20 tsx registers its loader in the
// main thread only (not in workers, though they inherit its --import), so each thread registers
// tsx here before importing the tasks. On Node versions where tsx does register in workers, this is
// a second layer; tried on Node 20 by registering twice: it works, ~10 ms more per thread start.
import { register } from 'tsx/esm/api';

register();
const { perform } = await import('./tasks.ts');
export default perform;
