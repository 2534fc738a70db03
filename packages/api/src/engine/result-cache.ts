/**
 * Engine results kept by key within a byte budget, least recently used first out, and calls in
 * flight shared: fifty sellers opening the same package cost one configure. Only successes are
 * kept; a failure reaches every caller that shared the call and is then forgotten.
 */
export class ResultCache {
  readonly #done = new Map<string, { value: unknown; bytes: number }>();
  readonly #running = new Map<string, Promise<unknown>>();
  #bytes = 0;

  constructor(private readonly capacityBytes: number) {}

  /** The value for `key`, computing it with `compute` (which reports its size) when absent. */
  get(key: string, compute: () => Promise<{ value: unknown; bytes: number }>): Promise<unknown> {
    const hit = this.#done.get(key);
    if (hit) {
      this.#done.delete(key);
      this.#done.set(key, hit);
      return Promise.resolve(hit.value);
    }
    const running = this.#running.get(key);
    if (running) return running;
    const promise = compute().then(
      ({ value, bytes }) => {
        this.#running.delete(key);
        this.#keep(key, value, bytes + key.length);
        return value;
      },
      (error: unknown) => {
        this.#running.delete(key);
        throw error;
      },
    );
    this.#running.set(key, promise);
    return promise;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#done.size, bytes: this.#bytes };
  }

  #keep(key: string, value: unknown, bytes: number): void {
    if (bytes > this.capacityBytes / 4) return;
    this.#done.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [k, v] of this.#done) {
      if (this.#bytes <= this.capacityBytes) break;
      this.#done.delete(k);
      this.#bytes -= v.bytes;
    }
  }
}
