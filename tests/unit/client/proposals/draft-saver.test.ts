import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DraftSaver,
  type LocalDraft,
  type Prepared,
  type SaveState,
} from '../../../../client/src/features/proposals/draft-saver.ts';
import { ApiError } from '../../../../client/src/lib/api.ts';

type Values = { title: string; minutes?: string };
type Draft = { title?: string; minutes?: number };

/** A saver over a fake server and a fake browser store, recording what it sends and says. */
function setUp(opts: { id?: number | null; version?: number | null; base?: Draft } = {}) {
  const sent: string[] = [];
  const states: SaveState['kind'][] = [];
  const kept = new Map<string, LocalDraft<Values>>();
  const server = { version: opts.version ?? 1, online: true, fail: null as unknown };
  const answer = async (id: number) => {
    if (!server.online) throw new TypeError('Failed to fetch');
    if (server.fail) {
      const error = server.fail;
      server.fail = null;
      throw error;
    }
    server.version += 1;
    return { id, version: server.version, view: null };
  };
  const saver = new DraftSaver<Values, Draft, null>({
    id: opts.id === undefined ? 7 : opts.id,
    version: opts.version === undefined ? 1 : opts.version,
    base: opts.base ?? {},
    prepare: (v): Prepared<Draft> =>
      v.minutes === 'x'
        ? { ok: false, problems: [{ path: 'minutes', message: 'not a number' }] }
        : {
            ok: true,
            draft: { title: v.title || undefined, ...(v.minutes && { minutes: Number(v.minutes) }) },
          },
    create: async (draft) => {
      sent.push(`POST ${JSON.stringify(draft)}`);
      server.version = 0;
      return answer(42);
    },
    patch: async (id, patch, version) => {
      sent.push(`PATCH ${id} If-Match ${version} ${JSON.stringify(patch)}`);
      return answer(id);
    },
    local: {
      read: (id) => kept.get(String(id)) ?? null,
      write: (id, d) => kept.set(String(id), d),
      remove: (id) => kept.delete(String(id)),
    },
    isOnline: () => server.online,
    onState: (s) => {
      if (states.at(-1) !== s.kind) states.push(s.kind);
    },
    onSaved: () => {},
    now: () => 0,
    debounceMs: 800,
    retryMs: [1_000, 5_000],
  });
  return { saver, sent, states, kept, server };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave of a draft', () => {
  it('waits for a pause in the typing, then sends one patch of what changed', async () => {
    const { saver, sent, states, kept } = setUp({ base: { title: 'W' } });
    saver.change({ title: 'Wh' });
    await vi.advanceTimersByTimeAsync(500);
    saver.change({ title: 'What role' });
    expect(kept.get('7')).toEqual({ values: { title: 'What role' }, version: 1, at: 0 });
    await vi.advanceTimersByTimeAsync(799);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['PATCH 7 If-Match 1 {"title":"What role"}']);
    expect(states).toEqual(['saving', 'saved']);
    expect(kept.size).toBe(0);
  });

  it('creates a new proposal at the first keystroke, then patches the version it got', async () => {
    const { saver, sent, kept } = setUp({ id: null, version: null });
    saver.change({ title: 'W' });
    expect(kept.get('null')?.values).toEqual({ title: 'W' });
    await vi.advanceTimersByTimeAsync(0);
    saver.change({ title: 'What', minutes: '75' });
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual(['POST {"title":"W"}', 'PATCH 42 If-Match 1 {"title":"What","minutes":75}']);
    expect(saver.savedId).toBe(42);
    expect(kept.size).toBe(0);
  });

  it('sends what was typed while a save was on its way, after it', async () => {
    const { saver, sent } = setUp();
    saver.change({ title: 'A' });
    await vi.advanceTimersByTimeAsync(800);
    saver.change({ title: 'AB' });
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual(['PATCH 7 If-Match 1 {"title":"A"}', 'PATCH 7 If-Match 2 {"title":"AB"}']);
  });

  it('sends nothing when the inputs come back to what the server has', async () => {
    const { saver, sent, states } = setUp({ base: { title: 'Same' } });
    saver.change({ title: 'Same' });
    await vi.advanceTimersByTimeAsync(800);
    expect([sent, states]).toEqual([[], ['saving', 'saved']]);
  });

  it('offline, keeps the draft in the browser and sends it when back online', async () => {
    const { saver, sent, states, kept, server } = setUp();
    server.online = false;
    saver.change({ title: 'Typed offline' });
    await vi.advanceTimersByTimeAsync(500);
    expect([sent, states, kept.get('7')?.values]).toEqual([[], ['offline'], { title: 'Typed offline' }]);
    server.online = true;
    saver.retry(); // the browser's `online` event
    await vi.advanceTimersByTimeAsync(0);
    expect([sent, states.at(-1), kept.size]).toEqual([
      ['PATCH 7 If-Match 1 {"title":"Typed offline"}'],
      'saved',
      0,
    ]);
  });

  it('keeps a save that failed for want of a connection, and tries again with growing pauses', async () => {
    const { saver, sent, states, server } = setUp();
    saver.change({ title: 'A' });
    server.online = false;
    // navigator.onLine still said yes when the change came: the request itself fails.
    await vi.advanceTimersByTimeAsync(800);
    expect(states).toEqual(['saving', 'offline']);
    await vi.advanceTimersByTimeAsync(1_000); // the second try, 1 s later, fails too
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(2);
    server.online = true;
    await vi.advanceTimersByTimeAsync(1); // the third, 5 s after the second
    expect([sent.length, states.at(-1)]).toEqual([3, 'saved']);
  });

  it('tries again after a server failure, saying why', async () => {
    const { saver, sent, states, server } = setUp();
    server.fail = new ApiError(503, [{ path: '', message: 'try again later' }]);
    saver.change({ title: 'A' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saver.state).toEqual({ kind: 'retrying', message: 'try again later' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect([sent.length, states.at(-1)]).toEqual([2, 'saved']);
  });

  it('never overwrites a proposal changed elsewhere (412): it stops and keeps the draft until told', async () => {
    const { saver, sent, kept, server } = setUp();
    server.fail = new ApiError(412, [{ path: 'if-match', message: 'changed since version 1' }]);
    saver.change({ title: 'Mine' });
    await vi.advanceTimersByTimeAsync(800);
    saver.change({ title: 'Mine, more' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect([saver.state.kind, sent.length, kept.get('7')?.values]).toEqual([
      'stale',
      1,
      { title: 'Mine, more' },
    ]);
    // The person chose to keep their version: a patch on the version now saved.
    saver.keepMine(5, { title: 'Theirs' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.at(-1)).toBe('PATCH 7 If-Match 5 {"title":"Mine, more"}');
    expect(saver.state.kind).toBe('saved');
  });

  it('does not send a draft the schema refuses, and sends it once corrected', async () => {
    const { saver, sent } = setUp();
    saver.change({ title: 'A', minutes: 'x' });
    await vi.advanceTimersByTimeAsync(800);
    expect([sent, saver.state]).toEqual([
      [],
      { kind: 'invalid', problems: [{ path: 'minutes', message: 'not a number' }] },
    ]);
    saver.change({ title: 'A', minutes: '75' });
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual(['PATCH 7 If-Match 1 {"title":"A","minutes":75}']);
  });

  it('stops when saving cannot go on (signed out), keeping the draft', async () => {
    const { saver, kept, server } = setUp();
    server.fail = new ApiError(401, [{ path: '', message: 'sign in first' }]);
    saver.change({ title: 'A' });
    await vi.advanceTimersByTimeAsync(800);
    expect([saver.state, kept.get('7')?.values]).toEqual([
      { kind: 'refused', status: 401, message: 'sign in first' },
      { title: 'A' },
    ]);
  });

  it('flushes what waits before a submission, answering whether the server has it all', async () => {
    const { saver, sent, server } = setUp();
    saver.change({ title: 'A' });
    await expect(saver.flush()).resolves.toBe(true);
    expect(sent).toEqual(['PATCH 7 If-Match 1 {"title":"A"}']);
    server.online = false;
    saver.change({ title: 'AB' });
    await expect(saver.flush()).resolves.toBe(false);
  });
});
