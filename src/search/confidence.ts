/**
 * Turns ranking features into a confidence in [0,1] with a logistic model whose weights are
 * fitted on the dev set by `npm run calibrate` (test/bench/calibrate.ts writes
 * src/search/calibration.json). The thresholds pick the outcome.
 */
import calibrationFile from './calibration.json';

/** What the ranking says about the best candidate. */
export interface MatchFeatures {
  /** Share of the query's analysed terms found in the best answer, in [0,1]. */
  readonly coverage: number;
  /** BM25+ score of the best answer. */
  readonly topScore: number;
  /** (best - best other topic) / best, in [0,1]. */
  readonly margin: number;
  /** How many distinct analysed terms the query had. */
  readonly termCount: number;
}

/** Model weights and decision thresholds. */
export interface Calibration {
  readonly weights: { readonly bias: number; readonly coverage: number; readonly logScore: number; readonly margin: number };
  /** Confidence at or above which the best answer is given. */
  readonly answerAt: number;
  /** Confidence at or above which close candidates are offered; below it, fallback. */
  readonly clarifyAt: number;
  /** A runner-up is "close" when its score is at least this share of the best. */
  readonly closeRatio: number;
}

/** The calibration shipped with the code. */
export const DEFAULT_CALIBRATION: Calibration = calibrationFile as Calibration;

/** The logistic model's input vector, shared by scoring and fitting. */
export function featureVector(f: MatchFeatures): [number, number, number] {
  return [f.coverage, Math.log1p(f.topScore), f.margin];
}

/** Calibrated confidence for a ranking's features. */
export function confidenceOf(f: MatchFeatures, c: Calibration): number {
  if (f.topScore <= 0) return 0;
  const [coverage, logScore, margin] = featureVector(f);
  const z = c.weights.bias + c.weights.coverage * coverage + c.weights.logScore * logScore + c.weights.margin * margin;
  return 1 / (1 + Math.exp(-z));
}
