// Autosave of a proposal's draft, without React: every change is kept in the browser at once, and
// sent to the server a moment after the typing stops (the first change of a new proposal creates
// it at once, the next ones are merge patches with If-Match). What the server has not taken stays
// in the browser: offline, after a failure (retried with growing pauses, and when the browser is
// back online), when the proposal changed elsewhere (412: never overwritten without asking), or when
// the person is signed out. See docs/proposals.md, "In the app".
import type { Problem } from '../../../../shared/schemas/problems.ts';
import { ApiError } from '../../lib/api.ts';
import { mergePatch } from './merge-patch.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** Not sent for want of a connection: kept in the browser, sent when back online. */
  | { kind: 'offline' }
  /** The server failed (5xx): kept in the browser, tried again. */
  | { kind: 'retrying'; message: string }
  /** The draft itself is refused (a field too long, a link that is not http): kept, waits for a change. */
  | { kind: 'invalid'; problems: readonly Problem[] }
  /** The proposal changed elsewhere since this version: the person chooses. */
  | { kind: 'stale' }
  /** Saving cannot go on (signed out: 401; no longer a draft: 409; …). */
  | { kind: 'refused'; status: number; message: string };

type Doc = Record<string, unknown>;
export type Saved<View> = { id: number; version: number; view: View };
export type Prepared<D> = { ok: true; draft: D } | { ok: false; problems: readonly Problem[] };

/** What the browser keeps of a draft: the inputs as typed, and the version they change. */
export type LocalDraft<V> = { values: V; version: number | null; at: number };
export type LocalDrafts<V> = {
  read(id: number | null): LocalDraft<V> | null;
  write(id: number | null, draft: LocalDraft<V>): void;
  remove(id: number | null): void;
};

export type DraftSaverOptions<V, D extends Doc, View> = {
  id: number | null;
  version: number | null;
  /** The draft as the server has it ({} for a new proposal). */
  base: D;
  prepare(values: V): Prepared<D>;
  create(draft: D): Promise<Saved<View>>;
  patch(id: number, patch: Doc, version: number): Promise<Saved<View>>;
  local: LocalDrafts<V>;
  isOnline(): boolean;
  onState(state: SaveState): void;
  onSaved(saved: Saved<View>, created: boolean): void;
  now?: () => number;
  debounceMs?: number;
  /** Pauses before each new try after a failure; the last one repeats. */
  retryMs?: readonly number[];
};

export class DraftSaver<V, D extends Doc, View> {
  private id: number | null;
  private version: number | null;
  private base: D;
  /** Inputs the server has not taken yet. */
  private pending: V | null = null;
  private current: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  state: SaveState = { kind: 'idle' };

  constructor(private readonly o: DraftSaverOptions<V, D, View>) {
    this.id = o.id;
    this.version = o.version;
    this.base = o.base;
  }

  /** The inputs changed: keep them in the browser now, send them soon. */
  change(values: V): void {
    if (this.stopped) return;
    this.pending = values;
    this.keepLocally();
    if (this.state.kind === 'stale' || this.state.kind === 'refused') return;
    if (!this.o.isOnline()) {
      // The `online` event sends it (retry); trying now and then covers a browser that never fires it.
      this.set({ kind: 'offline' });
      this.schedule(this.pause());
      return;
    }
    this.set({ kind: 'saving' });
    // The first keystroke of a new proposal creates it; then changes wait for a pause in the typing.
    this.schedule(this.id === null && !this.current ? 0 : (this.o.debounceMs ?? 800));
  }

  /** Back online, or asked to try again: send what is waiting. */
  retry(): void {
    if (this.pending && (this.state.kind === 'offline' || this.state.kind === 'retrying')) this.schedule(0);
  }

  /** Sends what is waiting now; true once the server has every change. */
  async flush(): Promise<boolean> {
    for (let round = 0; round < 3; round++) {
      if (this.current) await this.current;
      else if (this.pending && this.sendable()) await this.run();
      else break;
    }
    return this.pending === null && this.current === null;
  }

  /**
   * After the proposal changed elsewhere, the person chose to keep their own inputs: they are sent
   * as a patch on the version now saved, replacing what differs.
   */
  keepMine(version: number, base: D): void {
    this.version = version;
    this.base = base;
    this.set({ kind: 'saving' });
    this.keepLocally();
    this.schedule(0);
  }

  /** The proposal's number once the server has it. */
  get savedId(): number | null {
    return this.id;
  }

  /** Saving is on from the start; React's effects stop and start it again with the component. */
  start(): void {
    this.stopped = false;
    if (this.pending && this.sendable()) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private pause(): number {
    const pauses = this.o.retryMs ?? [1_000, 2_000, 5_000, 10_000, 30_000];
    return pauses[Math.min(this.failures, pauses.length - 1)]!;
  }

  private sendable = () => this.state.kind !== 'stale' && this.state.kind !== 'refused';

  private set(state: SaveState) {
    this.state = state;
    this.o.onState(state);
  }

  private keepLocally() {
    if (this.pending)
      this.o.local.write(this.id, {
        values: this.pending,
        version: this.version,
        at: (this.o.now ?? Date.now)(),
      });
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    if (this.stopped || this.current || !this.pending) return this.current ?? Promise.resolve();
    this.current = this.send(this.pending).finally(() => {
      this.current = null;
    });
    return this.current;
  }

  private async send(values: V): Promise<void> {
    const prepared = this.o.prepare(values);
    if (!prepared.ok) return this.set({ kind: 'invalid', problems: prepared.problems });
    const { draft } = prepared;
    const created = this.id === null;
    const patch = created ? draft : mergePatch(this.base, draft);
    this.set({ kind: 'saving' });
    try {
      if (!created && Object.keys(patch).length === 0) {
        this.taken(values);
        return;
      }
      const saved = created ? await this.o.create(draft) : await this.o.patch(this.id!, patch, this.version!);
      if (created) {
        this.o.local.remove(null);
        this.id = saved.id;
      }
      this.version = saved.version;
      this.base = draft;
      this.failures = 0;
      this.o.onSaved(saved, created);
      this.taken(values);
    } catch (error) {
      this.failed(error);
    }
  }

  /** The server has `values`: done, unless the person typed on meanwhile. */
  private taken(values: V) {
    if (this.pending === values) {
      this.pending = null;
      this.o.local.remove(this.id);
      this.set({ kind: 'saved' });
    } else {
      this.keepLocally();
      this.schedule(this.o.debounceMs ?? 800);
    }
  }

  private failed(error: unknown) {
    if (error instanceof ApiError && error.status < 500) {
      if (error.status === 412) return this.set({ kind: 'stale' });
      if (error.status === 400) return this.set({ kind: 'invalid', problems: error.problems });
      return this.set({ kind: 'refused', status: error.status, message: error.message });
    }
    const pause = this.pause();
    this.failures += 1;
    // A fetch that never reached the server (offline, connection dropped) throws a TypeError.
    this.set(error instanceof ApiError ? { kind: 'retrying', message: error.message } : { kind: 'offline' });
    this.schedule(pause);
  }
}
