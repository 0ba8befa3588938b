// A value that changes, and tells who listens (the contract of React's useSyncExternalStore):
// the monitor's and the demo's state, which the Live component (view.ts) renders. Listeners
// hear of changes at most every `ms` milliseconds, so a chatty child process or a round of
// samples does not make ink redraw more than about ten times a second.

export interface Store<S> {
  get(): S;
  subscribe(listener: () => void): () => void;
}

export interface MutableStore<S> extends Store<S> {
  set(s: S): void;
  update(f: (s: S) => S): void;
}

/** A Store holding one value; listeners hear of changes at most every `ms` milliseconds. */
export function makeStore<S>(initial: S, ms = 100): MutableStore<S> {
  let value = initial;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const notify = (): void => {
    timer = null;
    last = Date.now();
    for (const l of listeners) l();
  };
  const set = (s: S): void => {
    value = s;
    if (timer !== null) return;
    const wait = Math.max(0, last + ms - Date.now());
    if (wait === 0) notify();
    else timer = setTimeout(notify, wait);
  };
  return {
    get: () => value,
    subscribe: (l) => { listeners.add(l); return () => { listeners.delete(l); }; },
    set,
    update: (f) => set(f(value)),
  };
}
