/**
 * Structured JSON logs (pino). Privacy by default: message texts, names and user ids never
 * go into a log line; the redact list is a safety net for fields that slip through.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'text',
  '*.text',
  'activity.text',
  'activity.from.name',
  'from.name',
  '*.name',
  'req.headers.authorization',
  'headers.authorization',
];

/** Creates the app's logger. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { app: 'inclubot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
