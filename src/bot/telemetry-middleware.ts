/**
 * Turn telemetry without personal data: channel, activity type, duration. Never the text,
 * the user's name or id.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';

/** Logs one line per turn at debug level. */
export class TelemetryMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await next();
    } finally {
      this.logger.debug(
        { channelId: context.activity.channelId, activityType: context.activity.type, ms: Math.round(performance.now() - started) },
        'turn',
      );
    }
  }
}
