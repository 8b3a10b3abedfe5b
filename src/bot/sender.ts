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

/** The encoded commands of each reply's buttons (replies are reused, so this is worked out once). */
const encodedButtons = new WeakMap<Reply, readonly string[]>();

function buttonsOf(reply: Reply): readonly string[] {
  let encoded = encodedButtons.get(reply);
  if (!encoded) {
    encoded = reply.buttons.map((b) => encodeCommand(b.command));
    encodedButtons.set(reply, encoded);
  }
  return encoded;
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The default sender. */
export class ChannelReplySender implements ReplySender {
  constructor(private readonly state: BotState) {}

  async send(context: TurnContext, replies: Reply | readonly Reply[]): Promise<void> {
    const list = Array.isArray(replies) ? (replies as readonly Reply[]) : [replies as Reply];
    if (list.length === 0) return;
    const render = rendererFor(context.activity.channelId);
    await context.sendActivities(list.length === 1 ? render(list[0] as Reply) : list.flatMap(render));
    let last: Reply | undefined;
    for (const reply of list) if (reply.buttons.length > 0) last = reply;
    if (!last) return;
    const encoded = buttonsOf(last);
    const memory = await this.state.memory.get(context, {});
    if (sameList(memory.lastButtons, encoded)) return;
    memory.lastButtons = [...encoded];
    await this.state.memory.set(context, memory);
  }
}
