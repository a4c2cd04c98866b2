/**
 * Work done in named stages, so that a caller on a busy thread (the content script) can run each
 * stage in a task of its own while the tests and the Node tools run them all at once. A staged
 * computation is a generator that yields the name of each stage before doing that stage's work,
 * and returns its result.
 */
export type Staged<T> = Generator<string, T, void>;

/** Runs every stage of `work` at once and returns its result. */
export function runAll<T>(work: Staged<T>): T {
  for (;;) {
    const next = work.next();
    if (next.done) return next.value;
  }
}
