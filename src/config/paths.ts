/**
 * Paths relative to the project root, the same whether the code runs from src/ (tsx, jest)
 * or from the compiled dist/src/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'locales'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`project root not found above ${start}`);
    dir = parent;
  }
}

/** The folder holding package.json, locales/ and content/. */
export const PROJECT_ROOT = findRoot(__dirname);

/** Where the app keeps files it can rebuild at any time (the content bundle's JSON copy). */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'inclubot');
