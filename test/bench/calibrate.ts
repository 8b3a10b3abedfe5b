/**
 * `npm run calibrate [-- file.jsonl]`: fits the confidence model on labelled questions
 * (default: the dev set) and writes src/search/calibration.json.
 *
 * The model is a logistic regression on three ranking features (coverage, log score,
 * margin) with L2 regularisation: few parameters, so it learns the method, not the
 * questions. The thresholds are chosen to meet the targets (≥ 90% of out-of-scope to
 * fallback, ≤ 5% of in-scope to fallback) with the most correct answers. A 5-fold
 * cross-validation estimate is printed so the figure on unseen questions is known.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EVAL_FILE, type EvalRow, readEvalRows } from '../../src/cli/evaluate';
import { loadBundle } from '../../src/content/bundle';
import { Catalogue } from '../../src/content/catalogue';
import { isLanguageCode } from '../../src/language/languages';
import {
  type Calibration,
  DEFAULT_CALIBRATION,
  FEATURE_NAMES,
  type FeatureVector,
  featureVector,
  logistic,
  type MatchFeatures,
} from '../../src/search/confidence';
import { Matcher } from '../../src/search/matcher';

interface Sample {
  readonly x: FeatureVector;
  /** 1 when the top candidate is the expected topic. */
  readonly correct: 0 | 1;
  readonly inScope: boolean;
  readonly emergency: boolean;
}

const NO_FEATURES: MatchFeatures = { coverage: 0, topScore: 0, margin: 0, termCount: 0, corrected: 0 };

function samples(matcher: Matcher, rows: readonly EvalRow[]): Sample[] {
  return rows.map((row) => {
    const r = matcher.match({ city: row.city, text: row.q, language: isLanguageCode(row.lang) ? row.lang : null });
    const inScope = row.topic !== 'out-of-scope';
    // Thresholds are open here, so only "no hit at all" ends without a candidate.
    const top = r.candidates[0]?.topic;
    return { x: featureVector(r.features ?? NO_FEATURES), correct: inScope && top === row.topic ? 1 : 0, inScope, emergency: r.emergency };
  });
}

type Weights = Calibration['weights'];
const ZERO: Weights = { bias: 0, coverage: 0, logScore: 0, perTerm: 0, margin: 0 };

function fitWeights(data: readonly Sample[], l2 = 0.05, steps = 4000, rate = 0.5): Weights {
  const w: { -readonly [K in keyof Weights]: number } = { ...ZERO };
  for (let step = 0; step < steps; step++) {
    const g: { -readonly [K in keyof Weights]: number } = { ...ZERO };
    for (const s of data) {
      const e = logistic(w, s.x) - s.correct;
      g.bias += e;
      for (const name of FEATURE_NAMES) g[name] += e * s.x[name];
    }
    const n = data.length;
    w.bias -= rate * (g.bias / n);
    for (const name of FEATURE_NAMES) w[name] -= rate * (g[name] / n + l2 * w[name]);
  }
  return w;
}

function confidence(w: Weights, x: FeatureVector): number {
  return x.logScore === 0 ? 0 : logistic(w, x);
}

interface Score {
  inScopeTop1: number;
  outOfScopeFallback: number;
  inScopeFallback: number;
}

function score(w: Weights, clarifyAt: number, data: readonly Sample[]): Score {
  const inScope = data.filter((s) => s.inScope);
  const out = data.filter((s) => !s.inScope);
  const kept = (s: Sample) => s.emergency || confidence(w, s.x) >= clarifyAt;
  return {
    inScopeTop1: inScope.filter((s) => kept(s) && s.correct).length / Math.max(1, inScope.length),
    outOfScopeFallback: out.filter((s) => !kept(s)).length / Math.max(1, out.length),
    inScopeFallback: inScope.filter((s) => !kept(s)).length / Math.max(1, inScope.length),
  };
}

/** The fallback threshold: targets first, then most correct answers, then the middle of the widest gap. */
function chooseThreshold(w: Weights, data: readonly Sample[]): number {
  const candidates = [...new Set(data.map((s) => confidence(w, s.x)))].sort((a, b) => a - b);
  let best = { t: 0.5, value: -Infinity };
  candidates.forEach((hi, i) => {
    const lo = candidates[i - 1] ?? 0;
    const t = (lo + hi) / 2;
    const s = score(w, t, data);
    const meets = (s.outOfScopeFallback >= 0.9 ? 1 : 0) + (s.inScopeFallback <= 0.05 ? 1 : 0);
    const value = meets * 10 + s.inScopeTop1 + s.outOfScopeFallback + (hi - lo) * 0.01;
    if (value > best.value) best = { t, value };
  });
  return best.t;
}

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? DEFAULT_EVAL_FILE);
  const rows = await readEvalRows(file);
  const catalogue = new Catalogue(await loadBundle(path.resolve(process.env.CONTENT_DIR ?? 'content')));
  let calibration: Calibration = DEFAULT_CALIBRATION;
  let data: Sample[] = [];
  let w: Weights = ZERO;
  // The ranking picks the most confident language, so refit until the choice settles.
  for (let round = 0; round < 3; round++) {
    data = samples(new Matcher(catalogue, { calibration: { ...calibration, clarifyAt: 0, answerAt: 0 } }), rows);
    const trainable = data.filter((s) => !s.emergency);
    w = fitWeights(trainable);
    calibration = { ...calibration, weights: { ...w } };
  }
  const clarifyAt = chooseThreshold(w, data);
  // Between the two thresholds, close candidates are offered as buttons instead of a guess.
  const answerAt = Math.min(0.95, clarifyAt + 0.15);
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  const result: Calibration = {
    weights: {
      bias: round3(w.bias),
      coverage: round3(w.coverage),
      logScore: round3(w.logScore),
      perTerm: round3(w.perTerm),
      margin: round3(w.margin),
    },
    answerAt: round3(answerAt),
    clarifyAt: round3(clarifyAt),
    closeRatio: DEFAULT_CALIBRATION.closeRatio,
  };

  // 5-fold cross-validation: fit and threshold on 4/5, score the held-out 1/5.
  const folds = 5;
  const cv: Score[] = [];
  for (let k = 0; k < folds; k++) {
    const train = data.filter((_s, i) => i % folds !== k);
    const test = data.filter((_s, i) => i % folds === k);
    const wk = fitWeights(train.filter((s) => !s.emergency));
    cv.push(score(wk, chooseThreshold(wk, train), test));
  }
  const mean = (key: keyof Score) => round3(cv.reduce((a, s) => a + s[key], 0) / folds);
  const fitted = score(w, clarifyAt, data);
  writeFileSync(path.resolve(__dirname, '../../src/search/calibration.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`fitted on ${data.length} questions (${file})`);
  console.log(`on the fitting set: ${JSON.stringify(fitted)}`);
  console.log(
    `5-fold cross-validation (unseen questions): ${JSON.stringify({ inScopeTop1: mean('inScopeTop1'), outOfScopeFallback: mean('outOfScopeFallback'), inScopeFallback: mean('inScopeFallback') })}`,
  );
  console.log(JSON.stringify(result));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
