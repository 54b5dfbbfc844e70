// The project's import graph, read from its sources: which file imports which, and the same graph
// folded to modules (server/modules/<name>, server/core, server/http, shared, client…). Biome checks
// file-level cycles and the layer rules as code is written; this checks the module level, which no
// lint rule sees, and gives the figures the foundations issue asks for.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export type Graph = Map<string, Set<string>>;

const SOURCE = /\.(ts|tsx)$/;
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sources(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sources(root, path);
    } else if (SOURCE.test(entry.name)) yield path;
  }
}

/** Relative imports of each source file under `dirs`, as paths from `root`. Type-only imports count too. */
export function importGraph(root: string, dirs: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const dir of dirs) {
    for (const file of sources(root, dir)) {
      const targets = new Set<string>();
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('.')) targets.add(normalize(join(dirname(file), spec)));
      }
      graph.set(file, targets);
    }
  }
  return graph;
}

/**
 * The module a file belongs to: server/modules/<name>, else its first two path segments. A module's
 * routes are its HTTP face, a layer above it: they count as a node of their own.
 */
export function moduleOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'server' && parts[1] === 'modules') {
    return parts.slice(0, 3).join('/') + (file.endsWith('.routes.ts') ? ' (routes)' : '');
  }
  if (parts[0] === 'server') return parts.length > 2 ? parts.slice(0, 2).join('/') : 'server';
  return parts[0]!;
}

/** The graph folded by `group`, without self-loops. */
export function fold(graph: Graph, group: (file: string) => string): Graph {
  const out: Graph = new Map();
  for (const [from, targets] of graph) {
    const a = group(from);
    const edges = out.get(a) ?? new Set<string>();
    out.set(a, edges);
    for (const to of targets) if (group(to) !== a) edges.add(group(to));
  }
  return out;
}

/** Every cycle's nodes (strongly connected components of more than one node, or a self-loop). */
export function cycles(graph: Graph): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** Imports that break a rule: `allowed(from, to)` false. */
export function violations(graph: Graph, allowed: (from: string, to: string) => boolean): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph)
    for (const to of targets) if (!allowed(from, to)) out.push(`${from} → ${to}`);
  return out.sort();
}

export const rel = (root: string, path: string) => relative(root, path);
