import type { z } from 'zod';

/** One thing wrong with a request, named by its JSON path: `sessions[3].room`. */
export type Problem = { path: string; message: string };

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

export function zodProblems(error: z.ZodError, base = ''): Problem[] {
  return error.issues.map((issue) => {
    const path = joinPath(base, formatPath(issue.path));
    if (issue.code === 'unrecognized_keys') {
      return {
        path,
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    }
    return { path, message: issue.message };
  });
}
