/**
 * A botbuilder `Storage` in memory whose items expire after a time without writes: the
 * embedded default's user state, so that "expiring after a set time" holds without MongoDB.
 */
import type { Storage, StoreItems } from 'botbuilder';

interface Entry {
  /** The item as JSON, with its eTag: a copy that later changes to the caller's object cannot reach. */
  readonly json: string;
  readonly writtenAt: number;
  readonly etag: number;
}

/** How many writes between two sweeps of expired items (a sweep costs one pass over the map). */
const PURGE_EVERY_WRITES = 1000;

/** In-memory storage with optimistic concurrency (eTags) and time-based expiry. */
export class ExpiringMemoryStorage implements Storage {
  private readonly items = new Map<string, Entry>();
  private etag = 1;
  private writesSincePurge = 0;

  /** @param ttlMs items not written for this long are gone. */
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: string): Entry | undefined {
    const entry = this.items.get(key);
    if (entry && this.now() - entry.writtenAt > this.ttlMs) {
      this.items.delete(key);
      return undefined;
    }
    return entry;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) out[key] = JSON.parse(entry.json) as Record<string, unknown>;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    // Expiry on read alone would keep users who never come back forever: sweep now and then.
    if (++this.writesSincePurge >= PURGE_EVERY_WRITES) {
      this.writesSincePurge = 0;
      this.purge();
    }
    for (const [key, item] of Object.entries(changes)) {
      const current = this.live(key);
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      if (current && eTag && eTag !== '*' && eTag !== String(current.etag)) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      const etag = this.etag++;
      this.items.set(key, { json: JSON.stringify({ ...value, eTag: String(etag) }), writtenAt: this.now(), etag });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  /** Drops expired items now (also happens lazily on read); returns how many were dropped. */
  purge(): number {
    let dropped = 0;
    for (const key of [...this.items.keys()]) {
      if (!this.live(key)) dropped++;
    }
    return dropped;
  }

  /** Number of stored items (expired ones included until purged). */
  get size(): number {
    return this.items.size;
  }
}
