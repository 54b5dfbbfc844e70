// The boundaries of docs/decisions/0002-server-core-and-module-boundaries.md, checked on the real
// import graph, plus proof that the checks (and Biome's rules) catch a deliberate violation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, fold, type Graph, importGraph, moduleOf, violations } from '../support/import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const graph = importGraph(root, ['client', 'server', 'shared']);

describe('the import graph', () => {
  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(cycles(fold(graph, moduleOf))).toEqual([]);
  });

  it('keeps server/core free of the HTTP layer and the modules', () => {
    const core = violations(
      graph,
      (from, to) => !from.startsWith('server/core/') || !/^server\/(http|modules)\//.test(to),
    );
    expect(core).toEqual([]);
  });

  it('lets only routes know HTTP, and reaches other modules through their service', () => {
    const bad = violations(graph, (from, to) => {
      if (!from.startsWith('server/modules/')) return true;
      if (to.startsWith('server/http/')) return from.endsWith('.routes.ts');
      const moduleDir = (file: string) => file.split('/').slice(0, 3).join('/');
      if (to.startsWith('server/modules/') && moduleDir(to) !== moduleDir(from)) {
        return to.endsWith('.service.ts');
      }
      return true;
    });
    expect(bad).toEqual([]);
  });

  it('keeps the client off the server and shared/ off both', () => {
    const bad = violations(
      graph,
      (from, to) =>
        !(from.startsWith('client/') && to.startsWith('server/')) &&
        !(from.startsWith('shared/') && /^(server|client)\//.test(to)),
    );
    expect(bad).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const sample: Graph = new Map([
    ['server/modules/a/a.service.ts', new Set(['server/modules/b/b.service.ts'])],
    ['server/modules/b/b.service.ts', new Set(['server/modules/b/b.repo.ts'])],
    ['server/modules/b/b.repo.ts', new Set(['server/modules/a/a.service.ts'])],
    ['server/core/x.ts', new Set<string>()],
  ]);

  it('finds a cycle through three files of two modules', () => {
    expect(cycles(sample)).toEqual([
      ['server/modules/a/a.service.ts', 'server/modules/b/b.repo.ts', 'server/modules/b/b.service.ts'],
    ]);
    expect(cycles(fold(sample, moduleOf))).toEqual([['server/modules/a', 'server/modules/b']]);
  });

  it('finds no cycle once the back edge is gone', () => {
    const acyclic: Graph = new Map([...sample, ['server/modules/b/b.repo.ts', new Set<string>()]]);
    expect(cycles(acyclic)).toEqual([]);
  });
});

describe('Biome enforces the boundaries as code is written', () => {
  // A file put where the rule applies, linted, then removed: Biome reads the real configuration.
  const lint = (path: string, source: string): string => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, source);
    try {
      execFileSync('npx', ['biome', 'lint', '--max-diagnostics=20', path], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return '';
    } catch (e) {
      return (
        String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '')
      );
    } finally {
      rmSync(file);
    }
  };

  it('refuses a client file that imports server code', () => {
    const out = lint(
      'client/src/lint-fixture-imports-server.ts',
      "import { hashToken } from '../../server/core/secrets.ts';\nexport const h = hashToken('x');\n",
    );
    expect(out).toContain('The client never imports server code: use shared/ or the API.');
  });

  it("refuses a service that imports another module's repo", () => {
    const out = lint(
      'server/modules/summits/lint-fixture.service.ts',
      "import { loadRooms } from '../programme/programme.repo.ts';\nexport const l = loadRooms;\n",
    );
    expect(out).toContain('Another module is reached through its service, its public face.');
  });

  it('refuses a core file that imports the HTTP layer', () => {
    const out = lint(
      'server/core/lint-fixture.ts',
      "import { route } from '../http/route.ts';\nexport const r = route;\n",
    );
    expect(out).toContain('server/core is what the HTTP layer and the modules share: it imports neither.');
  });

  it('accepts the same client file importing shared code', () => {
    const out = lint(
      'client/src/lint-fixture-imports-shared.ts',
      "import { EQUIPMENT } from '../../shared/domain/vocabulary.ts';\nexport const e = EQUIPMENT;\n",
    );
    expect(out).toBe('');
  });
});
