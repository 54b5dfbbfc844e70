import type { z } from 'zod';

/** What a problem's code needs to be said again in another language: `{ maximum: 200 }`. */
export type ProblemParams = Record<string, string | number>;

/**
 * One thing wrong with a request, named by its JSON path: `sessions[3].room`. `message` is the
 * English sentence the API has always given; `code` (with its `params`) names the problem for a
 * program, so that the client can say it in the reader's language (`tooLong`, `{ maximum: 200 }`).
 */
export type Problem = { path: string; message: string; code?: string; params?: ProblemParams };

/** A problem with its code; `params` only when there are some, so that answers stay short. */
export const problem = (path: string, message: string, code?: string, params?: ProblemParams): Problem => ({
  path,
  message,
  ...(code !== undefined && { code }),
  ...(params && Object.keys(params).length > 0 && { params }),
});

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function joinPath(base: string, rest: string): string {
  if (!base) return rest;
  if (!rest) return base;
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`;
}

// A regex check's issue carries its pattern but not our params (zod copies only its own fields), so
// a pattern whose refusal has a name is registered here by `namedPattern`.
const PATTERNS = new Map<string, string>();

/** A pattern whose refusal has the code `code` (`keyFormat`): pass it to `.regex()`. */
export function namedPattern(pattern: RegExp, code: string): RegExp {
  PATTERNS.set(String(pattern), code);
  return pattern;
}

/** Extra fields of the issue a custom check raises with `params: { problem: code, ...params }`. */
export const problemParams = (code: string, params: ProblemParams = {}) => ({ problem: code, ...params });

const num = (n: number | bigint): number => Number(n);
const listed = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');
const quoted = (values: readonly unknown[]) => values.map((v) => `"${String(v)}"`).join(', ');

/** The code and params of a zod issue: its own kind for zod's checks, or what a custom check named. */
export function issueCode(issue: z.core.$ZodIssue): { code?: string; params?: ProblemParams } {
  switch (issue.code) {
    case 'custom': {
      const { problem: code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof code !== 'string') return {};
      const plain = Object.entries(params).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      );
      return { code, params: Object.fromEntries(plain) };
    }
    case 'too_small': {
      const minimum = num(issue.minimum);
      if (issue.origin === 'string') return { code: 'tooShort', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params: { minimum } };
      return { code: issue.inclusive === false ? 'greaterThan' : 'atLeast', params: { minimum } };
    }
    case 'too_big': {
      const maximum = num(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { maximum } };
      return { code: issue.inclusive === false ? 'lessThan' : 'atMost', params: { maximum } };
    }
    case 'invalid_type':
      // zod says what it received only in its message; nothing at all means a field left out.
      return issue.message.endsWith('received undefined')
        ? { code: 'required' }
        : { code: 'invalidType', params: { expected: issue.expected } };
    case 'invalid_value':
      return {
        code: 'invalidValue',
        params: { options: listed(issue.values), count: issue.values.length },
      };
    case 'invalid_format': {
      const named = issue.format === 'regex' && issue.pattern ? PATTERNS.get(issue.pattern) : undefined;
      return named ? { code: named } : { code: 'invalidFormat', params: { format: issue.format } };
    }
    case 'unrecognized_keys':
      return { code: 'unknownField', params: { keys: listed(issue.keys), count: issue.keys.length } };
    case 'not_multiple_of':
      return { code: 'multipleOf', params: { divisor: num(issue.divisor) } };
    default:
      return { code: 'invalid' };
  }
}

export function zodProblems(error: z.ZodError, base = ''): Problem[] {
  return error.issues.map((issue) => {
    const path = joinPath(base, formatPath(issue.path));
    const { code, params } = issueCode(issue);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${quoted(issue.keys)}`
        : issue.message;
    return problem(path, message, code, params);
  });
}
