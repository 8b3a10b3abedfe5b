/**
 * Builds the read-side services (Catalogue + Matcher) from a content bundle, and keeps the
 * last good snapshot when a reload fails.
 */
import { Matcher } from '../search/matcher';
import { type ContentBundle, loadBundle } from './bundle';
import { loadBundleCached } from './bundle-cache';
import { Catalogue } from './catalogue';

/** One consistent snapshot: the catalogue and the index built from it. */
export interface ContentSnapshot {
  readonly catalogue: Catalogue;
  readonly matcher: Matcher;
}

/** How to build a snapshot. */
export interface SnapshotOptions {
  /** Build search indexes on first use / in the background (servers) instead of now (CLIs). */
  readonly lazyIndex?: boolean;
  /** Keep a JSON copy of the validated bundle here, for a faster next start (see bundle-cache.ts). */
  readonly cacheDir?: string;
}

/** Builds a snapshot from a validated bundle. */
export function buildSnapshot(bundle: ContentBundle, options: SnapshotOptions = {}): ContentSnapshot {
  const catalogue = new Catalogue(bundle);
  return { catalogue, matcher: new Matcher(catalogue, { lazy: options.lazyIndex }) };
}

/** Loads the bundle folder and builds a snapshot (throws `ContentError` on a bad bundle). */
export async function snapshotFromFolder(root: string, options: SnapshotOptions = {}): Promise<ContentSnapshot> {
  const bundle = options.cacheDir ? (await loadBundleCached(root, options.cacheDir)).bundle : await loadBundle(root);
  return buildSnapshot(bundle, options);
}

/**
 * Holds the current snapshot. Readers always get a complete snapshot; a failed reload
 * leaves the previous one in place.
 */
export class SnapshotHolder {
  private current: ContentSnapshot | null = null;

  /** The current snapshot; throws before the first load. */
  get snapshot(): ContentSnapshot {
    if (!this.current) throw new Error('content is not loaded yet');
    return this.current;
  }

  /** True once a snapshot is loaded. */
  get ready(): boolean {
    return this.current !== null;
  }

  /** Replaces the snapshot with one built by `load`; on error the old one stays and the error is rethrown. */
  async reload(load: () => Promise<ContentSnapshot>): Promise<ContentSnapshot> {
    const next = await load();
    this.current = next;
    return next;
  }
}
