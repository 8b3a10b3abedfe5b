/**
 * Turns ranking features into a confidence in [0,1] with a logistic model whose weights are
 * fitted on the dev set by `npm run calibrate` (test/bench/calibrate.ts writes
 * src/search/calibration.json). The thresholds pick the outcome.
 */
import calibrationFile from './calibration.json';

/** What the ranking says about the best candidate. */
export interface MatchFeatures {
  /** Share of the query's analysed terms found in the best answer, in [0,1] (corrected terms count less). */
  readonly coverage: number;
  /** BM25+ score of the best answer (lowered for every corrected term). */
  readonly topScore: number;
  /** (best - best other topic) / best, in [0,1]. */
  readonly margin: number;
  /** How many distinct analysed terms the query had. */
  readonly termCount: number;
  /** How many of them were spelling-corrected. */
  readonly corrected: number;
}

/** The model's inputs, by name. */
export interface FeatureVector {
  readonly coverage: number;
  readonly logScore: number;
  /** log(1 + score per query term): a long question with one generic match scores low here. */
  readonly perTerm: number;
  readonly margin: number;
}

/** Model weights and decision thresholds. */
export interface Calibration {
  readonly weights: { readonly bias: number } & FeatureVector;
  /** Confidence at or above which the best answer is given. */
  readonly answerAt: number;
  /** Confidence at or above which close candidates are offered; below it, fallback. */
  readonly clarifyAt: number;
  /** A runner-up is "close" when its score is at least this share of the best. */
  readonly closeRatio: number;
}

/** The calibration shipped with the code. */
export const DEFAULT_CALIBRATION: Calibration = calibrationFile as Calibration;

/** The names of the model's inputs, in a fixed order. */
export const FEATURE_NAMES = ['coverage', 'logScore', 'perTerm', 'margin'] as const;

/** The logistic model's input vector, shared by scoring and fitting. */
export function featureVector(f: MatchFeatures): FeatureVector {
  return {
    coverage: f.coverage,
    logScore: Math.log1p(f.topScore),
    perTerm: Math.log1p(f.topScore / Math.max(1, f.termCount)),
    margin: f.margin,
  };
}

/** The logistic model itself. */
export function logistic(weights: Calibration['weights'], x: FeatureVector): number {
  let z = weights.bias;
  for (const name of FEATURE_NAMES) z += weights[name] * x[name];
  return 1 / (1 + Math.exp(-z));
}

/** Calibrated confidence for a ranking's features. */
export function confidenceOf(f: MatchFeatures, c: Calibration): number {
  return f.topScore <= 0 ? 0 : logistic(c.weights, featureVector(f));
}
