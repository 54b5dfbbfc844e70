// What a use case answers: a value, or an expected failure as a value (never thrown). The HTTP
// layer maps each reason to a status code; nothing below it knows of HTTP.
import { type Problem, type ProblemParams, problem } from '../../shared/schemas/problems.ts';

export type { Problem };

/**
 * `unavailable`: the work could not be done in time (a limit ran out); trying again may succeed.
 * `stale`: the change was based on a version of the item that is no longer current.
 */
export type FailureReason =
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'stale'
  | 'too_many'
  | 'unavailable';
/** `details`: more of the answer than its problems (the conflicts a change would create), beside `errors`. */
export type Failure = {
  ok: false;
  reason: FailureReason;
  errors: Problem[];
  details?: Record<string, unknown>;
};
export type Outcome<T> = { ok: true; value: T } | Failure;
/** A policy's answer: allowed, or the failure to return. */
export type Verdict = { ok: true } | Failure;

export const allowed: Verdict = { ok: true };
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** `code` and `params` name the problem for a program (the client says it in the reader's language). */
const fail =
  (reason: FailureReason) =>
  (message: string, path = '', code?: string, params?: ProblemParams): Failure => ({
    ok: false,
    reason,
    errors: [problem(path, message, code, params)],
  });

export const notFound = fail('not_found');
export const conflict = fail('conflict');
export const forbidden = fail('forbidden');
export const tooMany = fail('too_many');
export const unavailable = fail('unavailable');
export const stale = fail('stale');
/** A failure with several problems, each on its own field. */
export const failure = (reason: FailureReason, errors: Problem[]): Failure => ({ ok: false, reason, errors });
export const invalid = (errors: Problem[]): Failure => failure('invalid', errors);
export const invalidField = fail('invalid');
