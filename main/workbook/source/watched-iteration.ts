import { WorkbookRefusal } from '../refusal';

/**
 * Iterates a third-party async iterable, but never waits on it forever: a failure signalled from
 * outside (our own input ended early because it was refused) or a long silence ends the iteration.
 * Reading a hostile file must end in bounded time, whatever the library does with a cut stream.
 * (One pending wait at a time: racing against the same failure promise on every step would pile up
 * reactions on it for the whole read.)
 */
export async function* watched<T>(iterable: AsyncIterable<T>, failure: Promise<never>, idleMs: number): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let failedWith: unknown = null;
  let rejectWaiting: ((reason: unknown) => void) | null = null;
  failure.catch((err: unknown) => {
    failedWith = err;
    rejectWaiting?.(err);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      if (failedWith) throw failedWith;
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        rejectWaiting = reject;
        timer = setTimeout(() => reject(new WorkbookRefusal('Reading the file stalled; it is damaged or not a spreadsheet AX Workbench can read.')), idleMs);
        iterator.next().then(resolve, reject);
      });
      clearTimeout(timer);
      rejectWaiting = null;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    rejectWaiting = null;
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
