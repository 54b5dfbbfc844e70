// Placement's second thread (neighbourhood-helper.ts): solves what the placing thread sends it, one
// job after the other, each until its own deadline, and posts each answer back on the port it was
// given. A race (step 1) also posts its bounds as they move and stops once it proves the most
// sessions; any job stops when told to: between the solver's steps this thread reads its port
// without waiting.
// It knows nothing of the summit: a job comes as a model and a start.
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { countProven } from '../../shared/domain/resolution/placement-model.ts';
import { resetSolver, type SolveMore, type Solved, solve, solver } from './highs-solve.ts';
import type { HelperAnswer, HelperJob, HelperProgress, ToHelper } from './neighbourhood-helper.ts';

const port = (workerData as { port: MessagePort }).port;
let highs = await solver().catch(() => null);
port.postMessage({ ready: highs !== null });

const backlog: HelperJob[] = [];
const stopped = new Set<number>();
const take = (message: ToHelper) => {
  if ('stop' in message) stopped.add(message.stop);
  else backlog.push(message);
};
/** Reads what has arrived while a solve runs (jobs wait in the backlog). */
const readPort = () => {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as ToHelper);
};

const nothing = (status: string): Solved => ({ status, values: null, dual: null, primal: null });

async function run(job: HelperJob): Promise<HelperAnswer> {
  const began = performance.now();
  // The job's end, as this thread's clock reads it (the threads share Date.now(), not performance.now()).
  const end = Math.min(began + (job.until - Date.now()), began + job.longestMs);
  if (!highs || stopped.has(job.id) || end - began < job.shortestMs)
    return { id: job.id, solved: nothing('not run'), took: 0, budget: 0 };
  // Any job stops when told to (a race once it is over, the rest when the placing thread forgets them).
  const more: SolveMore = {
    options: job.options,
    stop: () => {
      readPort();
      return stopped.has(job.id);
    },
  };
  if (job.race) {
    let told: Omit<HelperProgress, 'id'> = { dual: Number.NEGATIVE_INFINITY, primal: null };
    more.progress = (dual, primal) => {
      if (dual === told.dual && primal === told.primal) return;
      told = { dual, primal };
      port.postMessage({ id: job.id, ...told } satisfies HelperProgress);
    };
  }
  if (job.race || job.count) more.enough = (primal, dual) => countProven(job.model, primal, dual);
  try {
    const solved = solve(highs, job.model, job.start, end, more);
    return { id: job.id, solved, took: performance.now() - began, budget: end - began };
  } catch (e) {
    // An aborted HiGHS is unusable: load a fresh one for the next job.
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    resetSolver();
    highs = await solver().catch(() => null);
    return { id: job.id, solved: nothing('failed'), took: 0, budget: 0 };
  }
}

let running = false;
async function work(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let job = backlog.shift(); job; job = backlog.shift()) {
      port.postMessage(await run(job));
      // Ids grow as jobs are sent: a stop for this job or an earlier one has nothing left to stop.
      for (const id of stopped) if (id <= job.id) stopped.delete(id);
    }
  } finally {
    running = false;
  }
}

port.on('message', (message: ToHelper) => {
  take(message);
  void work();
});
