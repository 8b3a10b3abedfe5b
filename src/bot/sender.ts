/**
 * Sends channel-neutral replies: renders them for the turn's channel and remembers the
 * buttons shown, so that a typed number ("3") picks the third one on any channel.
 */
import type { TurnContext } from 'botbuilder';
import { rendererFor } from '../channels/renderers';
import { encodeCommand } from '../conversation/commands';
import type { Reply } from '../conversation/reply';
import type { BotState } from './state';

/** Sends replies in the current turn. */
export interface ReplySender {
  send(context: TurnContext, replies: Reply | readonly Reply[]): Promise<void>;
}

/** The default sender. */
export class ChannelReplySender implements ReplySender {
  constructor(private readonly state: BotState) {}

  async send(context: TurnContext, replies: Reply | readonly Reply[]): Promise<void> {
    const list = Array.isArray(replies) ? (replies as readonly Reply[]) : [replies as Reply];
    if (list.length === 0) return;
    const render = rendererFor(context.activity.channelId);
    await context.sendActivities(list.flatMap(render));
    const last = [...list].reverse().find((r) => r.buttons.length > 0);
    if (last) {
      const memory = await this.state.memory.get(context, {});
      memory.lastButtons = last.buttons.map((b) => encodeCommand(b.command));
      await this.state.memory.set(context, memory);
    }
  }
}
