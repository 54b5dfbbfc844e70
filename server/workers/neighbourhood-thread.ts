// Placement's second thread (neighbourhood-helper.ts): solves the neighbourhoods the placing thread
// sends it, one after the other, each until its own deadline, and posts each answer back on the port
// it was given. It knows nothing of the summit: a neighbourhood comes as a model and a start.
import { type MessagePort, workerData } from 'node:worker_threads';
import { resetSolver, solve, solver } from './highs-solve.ts';
import type { HelperAnswer, HelperJob } from './neighbourhood-helper.ts';

const port = (workerData as { port: MessagePort }).port;
let highs = await solver().catch(() => null);
port.postMessage({ ready: highs !== null });

port.on('message', async (job: HelperJob) => {
  const began = performance.now();
  // The job's end, as this thread's clock reads it (the threads share Date.now(), not performance.now()).
  const end = Math.min(began + (job.until - Date.now()), began + job.longestMs);
  let answer: HelperAnswer;
  if (!highs || end - began < job.shortestMs) {
    answer = {
      id: job.id,
      solved: { status: 'not run', values: null, dual: null, primal: null },
      took: 0,
      budget: 0,
    };
  } else {
    try {
      const solved = solve(highs, job.model, job.start, end, () => {});
      answer = { id: job.id, solved, took: performance.now() - began, budget: end - began };
    } catch (e) {
      // An aborted HiGHS is unusable: load a fresh one for the next job.
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      resetSolver();
      highs = await solver().catch(() => null);
      answer = {
        id: job.id,
        solved: { status: 'failed', values: null, dual: null, primal: null },
        took: 0,
        budget: 0,
      };
    }
  }
  port.postMessage(answer);
});
