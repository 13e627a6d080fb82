/** Runs one piece of work at a time, in the order asked. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private holders = 0;

  /** Whether work is running or waiting. */
  get busy(): boolean {
    return this.holders > 0;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.holders += 1;
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.holders -= 1;
    });
  }
}
