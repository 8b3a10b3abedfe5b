/**
 * A local Direct Line 3.0-compatible endpoint (polling; no WebSocket) and the Bot Connector
 * endpoint the bot replies to. Together they let Web Chat and botframework-directlinejs
 * talk to the bot with no Azure at all.
 *
 * Client side:  POST /v3/directline/tokens/generate, /tokens/refresh, /conversations,
 *               GET /conversations/:id, POST and GET /conversations/:id/activities.
 * Bot side:     POST /connector/<key>/v3/conversations/:id/activities[/:replyToId],
 *               PUT  .../activities/:activityId.
 * The connector path carries a random per-process key, so only this process's bot (which
 * got the serviceUrl from us) can post into conversations.
 */
import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../config/logger';
import { type DirectLineConversation, type DirectLineConversations, sameSecret, unguessableId } from './conversations';
import type { LocalBotBridge } from './local-connector';

/** Options of the Direct Line routes. */
export interface DirectLineOptions {
  readonly conversations: DirectLineConversations;
  readonly bridge: () => LocalBotBridge;
  /** When set, tokens are only issued to callers presenting this secret. */
  readonly secret?: string;
  readonly logger: Logger;
  /** The bot's id and name in activities. */
  readonly bot: { readonly id: string; readonly name: string };
}

/** Seconds a token is valid (Direct Line's usual figure). */
const TOKEN_TTL_SECONDS = 1800;
const MAX_TEXT = 4000;

/** A fresh key for the connector path. */
export function connectorKey(): string {
  return unguessableId(18);
}

function bearer(req: Request): string | undefined {
  const header = req.header('authorization');
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m?.[1]?.trim();
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body as object);
}

function error(res: Response, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message } });
}

/** Registers the routes on a restify server; `connectorPath` is where the bot replies. */
export function registerDirectLine(server: Server, connectorPath: string, options: DirectLineOptions): void {
  const { conversations, logger } = options;

  const conversationInfo = (c: DirectLineConversation) => ({ conversationId: c.id, token: c.token, expires_in: TOKEN_TTL_SECONDS });

  /** The caller may create conversations: open locally, or with the configured secret. */
  const mayCreate = (req: Request) => {
    if (!options.secret) return true;
    const presented = bearer(req);
    return presented !== undefined && sameSecret(presented, options.secret);
  };

  /** The conversation the request's token opens, if it matches `id`. */
  const authorized = (req: Request, id: string): DirectLineConversation | undefined => {
    const token = bearer(req);
    const c = conversations.get(id);
    if (!c || !token) return undefined;
    if (sameSecret(c.token, token)) return c;
    return options.secret && sameSecret(token, options.secret) ? c : undefined;
  };

  server.post('/v3/directline/tokens/generate', async (req: Request, res: Response) => {
    if (!mayCreate(req)) return error(res, 403, 'BadArgument', 'a valid Direct Line secret is required');
    send(res, 200, conversationInfo(conversations.create()));
  });

  server.post('/v3/directline/tokens/refresh', async (req: Request, res: Response) => {
    const token = bearer(req);
    const c = token ? conversations.byToken(token) : undefined;
    if (!c) return error(res, 403, 'TokenExpired', 'unknown or expired token');
    send(res, 200, conversationInfo(c));
  });

  server.post('/v3/directline/conversations', async (req: Request, res: Response) => {
    const token = bearer(req);
    const existing = token ? conversations.byToken(token) : undefined;
    if (existing) return send(res, 201, conversationInfo(existing));
    if (!mayCreate(req)) return error(res, 403, 'BadArgument', 'a valid token or secret is required');
    send(res, 201, conversationInfo(conversations.create()));
  });

  server.get('/v3/directline/conversations/:id', async (req: Request, res: Response) => {
    const c = authorized(req, String(req.params.id));
    if (!c) return error(res, 403, 'BadArgument', 'unknown conversation or wrong token');
    send(res, 200, conversationInfo(c));
  });

  server.get('/v3/directline/conversations/:id/activities', async (req: Request, res: Response) => {
    const c = authorized(req, String(req.params.id));
    if (!c) return error(res, 403, 'BadArgument', 'unknown conversation or wrong token');
    const query = req.query as { watermark?: string } | undefined;
    const watermark = query?.watermark !== undefined && query.watermark !== '' ? Number(query.watermark) : undefined;
    send(res, 200, conversations.since(c, watermark));
  });

  server.post('/v3/directline/conversations/:id/activities', async (req: Request, res: Response) => {
    const c = authorized(req, String(req.params.id));
    if (!c) return error(res, 403, 'BadArgument', 'unknown conversation or wrong token');
    const body = (req.body ?? {}) as Partial<Activity>;
    if (typeof body.type !== 'string' || !['message', 'event', 'typing', 'conversationUpdate'].includes(body.type)) {
      return error(res, 400, 'BadArgument', 'activity "type" must be message, event, typing or conversationUpdate');
    }
    if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) {
      return error(res, 400, 'BadArgument', `activity "text" must be a string of at most ${MAX_TEXT} characters`);
    }
    const fromId = typeof body.from?.id === 'string' && body.from.id.length <= 128 ? body.from.id : `dl_${c.id}`;
    const activity: Partial<Activity> = {
      type: body.type,
      name: body.name,
      text: body.text,
      value: body.value,
      locale: typeof body.locale === 'string' ? body.locale : undefined,
      attachments: body.attachments,
      channelData: body.channelData,
      channelId: 'webchat',
      conversation: { id: c.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: fromId, name: '', role: 'user' },
      recipient: { id: options.bot.id, name: options.bot.name, role: 'bot' },
      timestamp: new Date(),
    };
    const id = conversations.append(c, activity);
    try {
      await options.bridge().process({ ...activity, id });
      send(res, 200, { id });
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, 'direct line: bot turn failed');
      error(res, 502, 'BotError', 'the bot could not process the activity');
    }
  });

  // The Bot Connector side: where the bot's ConnectorClient sends replies.
  const receive = async (req: Request, res: Response) => {
    const c = conversations.get(String(req.params.conversationId));
    if (!c) return error(res, 404, 'NotFound', 'unknown conversation');
    const body = (req.body ?? {}) as Partial<Activity>;
    const id = conversations.append(c, {
      ...body,
      id: undefined,
      channelId: 'webchat',
      conversation: { id: c.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: options.bot.id, name: options.bot.name, role: 'bot' },
      timestamp: new Date(),
    });
    send(res, 200, { id });
  };
  server.post(`${connectorPath}/v3/conversations/:conversationId/activities`, receive);
  server.post(`${connectorPath}/v3/conversations/:conversationId/activities/:replyToId`, receive);
  server.put(`${connectorPath}/v3/conversations/:conversationId/activities/:activityId`, async (req: Request, res: Response) => {
    const c = conversations.get(String(req.params.conversationId));
    if (!c) return error(res, 404, 'NotFound', 'unknown conversation');
    const ok = conversations.update(c, String(req.params.activityId), req.body as Partial<Activity>);
    if (!ok) return error(res, 404, 'NotFound', 'unknown activity');
    send(res, 200, { id: req.params.activityId });
  });
}
