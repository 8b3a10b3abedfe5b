/**
 * `npm run eval -- [file.jsonl]` (default ../shared/eval/dev.jsonl): runs every question
 * through the same path as `npm run ask` and prints accuracy figures and the misses.
 * The last line is one JSON object:
 * {"n","inScopeTop1","outOfScopeFallback","inScopeFallback","perLanguage":{lang: top1}}.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths';
import { type ContentSnapshot, snapshotFromFolder } from '../content/services';
import { type AskResult, ask } from './ask';

/** One labelled question. */
export interface EvalRow {
  q: string;
  city: string;
  lang: string;
  /** The expected topic id, or `out-of-scope`. */
  topic: string;
}

/** The figures of one evaluation run. */
export interface EvalReport {
  n: number;
  inScopeTop1: number;
  outOfScopeFallback: number;
  inScopeFallback: number;
  perLanguage: Record<string, number>;
  misses: Array<{ row: EvalRow; got: AskResult }>;
}

const OUT_OF_SCOPE = 'out-of-scope';

/** Scores a matcher on labelled rows. A clarify counts as top-1 when its first candidate is right. */
export function evaluate(snapshot: ContentSnapshot, rows: readonly EvalRow[]): EvalReport {
  let inScope = 0;
  let correct = 0;
  let inScopeFallback = 0;
  let outOfScope = 0;
  let outOfScopeFallback = 0;
  const perLang = new Map<string, { n: number; ok: number }>();
  const misses: EvalReport['misses'] = [];
  for (const row of rows) {
    const got = ask(snapshot, row);
    if (row.topic === OUT_OF_SCOPE) {
      outOfScope++;
      if (got.outcome === 'fallback') outOfScopeFallback++;
      else misses.push({ row, got });
      continue;
    }
    inScope++;
    const stats = perLang.get(row.lang) ?? { n: 0, ok: 0 };
    stats.n++;
    if (got.outcome === 'fallback') inScopeFallback++;
    if (got.outcome !== 'fallback' && got.topic === row.topic) {
      correct++;
      stats.ok++;
    } else misses.push({ row, got });
    perLang.set(row.lang, stats);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
  return {
    n: rows.length,
    inScopeTop1: ratio(correct, inScope),
    outOfScopeFallback: ratio(outOfScopeFallback, outOfScope),
    inScopeFallback: ratio(inScopeFallback, inScope),
    perLanguage: Object.fromEntries([...perLang.entries()].sort().map(([l, s]) => [l, ratio(s.ok, s.n)])),
    misses,
  };
}

/** Reads a labelled JSONL file. */
export async function readEvalRows(file: string): Promise<EvalRow[]> {
  const text = await fs.readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as Partial<EvalRow>;
      if (typeof r.q !== 'string' || typeof r.city !== 'string' || typeof r.topic !== 'string') {
        throw new Error(`${file}:${i + 1}: needs "q", "city" and "topic"`);
      }
      return { q: r.q, city: r.city, lang: typeof r.lang === 'string' ? r.lang : '', topic: r.topic };
    });
}

/** The default evaluation file, beside the project. */
export const DEFAULT_EVAL_FILE = path.resolve(PROJECT_ROOT, '../shared/eval/dev.jsonl');

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? DEFAULT_EVAL_FILE);
  const snapshot = await snapshotFromFolder(path.resolve(process.env.CONTENT_DIR ?? 'content'));
  const report = evaluate(snapshot, await readEvalRows(file));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`questions: ${report.n}  (${file})`);
  console.log(`in-scope top-1 accuracy:      ${pct(report.inScopeTop1)}   (target >= 95%)`);
  console.log(`out-of-scope sent to fallback: ${pct(report.outOfScopeFallback)}   (target >= 90%)`);
  console.log(`in-scope wrongly in fallback:  ${pct(report.inScopeFallback)}   (target <= 5%)`);
  console.log(
    `per language: ${Object.entries(report.perLanguage)
      .map(([l, v]) => `${l} ${pct(v)}`)
      .join('  ')}`,
  );
  console.log(`misses (${report.misses.length}):`);
  for (const { row, got } of report.misses) {
    console.log(
      `  [${row.lang} ${row.city}] ${JSON.stringify(row.q)} expected ${row.topic}, got ${got.outcome} ${got.topic ?? '-'} (${got.score})`,
    );
  }
  const { misses: _misses, ...summary } = report;
  console.log(JSON.stringify(summary));
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
