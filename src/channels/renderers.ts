/**
 * One renderer per channel (DESIGN.md decision 4): a channel-neutral `Reply` becomes the
 * activities that look right there.
 *
 * - Web Chat / Direct Line / Emulator: markdown text and suggested actions (messageBack),
 *   which Web Chat shows as tappable chips.
 * - Telegram: plain text (Telegram rejects markdown with unescaped characters: "can't parse
 *   entities"; it links URLs by itself), at most 4,096 characters per message, buttons as an
 *   inline keyboard (postBack); Telegram does not open tel: links, so numbers go in the text.
 * - Teams: an Adaptive Card with submit buttons, because Teams shows no suggested actions.
 * - Anything else: plain text with numbered options the user can type.
 */
import { ActionTypes, type Activity, type Attachment, type CardAction, CardFactory } from 'botbuilder';
import { encodeCommand } from '../conversation/commands';
import type { Reply } from '../conversation/reply';
import { splitText, toPlainText } from './markdown';

/** Activities to send for one reply. */
export type Rendered = Array<Partial<Activity>>;

/** Turns a reply into activities for one channel. */
export type Renderer = (reply: Reply) => Rendered;

/** Telegram's message length limit. */
export const TELEGRAM_MAX_LENGTH = 4096;

/** Web Chat, Direct Line, the Emulator and tests. */
export const renderWebChat: Renderer = (reply) => {
  const actions: CardAction[] = [
    ...reply.links.map((l) => ({ type: ActionTypes.OpenUrl, title: l.label, value: l.url })),
    ...reply.buttons.map((b) => ({
      type: ActionTypes.MessageBack,
      title: b.label,
      text: b.label,
      displayText: b.label,
      value: { command: encodeCommand(b.command) },
    })),
  ];
  return [
    {
      type: 'message',
      text: reply.text,
      textFormat: 'markdown',
      locale: reply.language,
      ...(actions.length > 0 ? { suggestedActions: { to: [], actions } } : {}),
    },
  ];
};

/** Telegram through Azure Bot Service (or the direct Telegram bridge). */
export const renderTelegram: Renderer = (reply) => {
  const phone = reply.links.filter((l) => l.url.startsWith('tel:'));
  const web = reply.links.filter((l) => !l.url.startsWith('tel:'));
  const extra = phone.map((l) => `\n\n${l.label}`).join('');
  const chunks = splitText(toPlainText(reply.text) + extra, TELEGRAM_MAX_LENGTH);
  const actions: CardAction[] = [
    ...web.map((l) => ({ type: ActionTypes.OpenUrl, title: l.label, value: l.url })),
    ...reply.buttons.map((b) => ({ type: ActionTypes.PostBack, title: b.label, value: encodeCommand(b.command) })),
  ];
  return chunks.map((text, i) => ({
    type: 'message',
    text,
    textFormat: 'plain',
    locale: reply.language,
    ...(i === chunks.length - 1 && actions.length > 0 ? { suggestedActions: { to: [], actions } } : {}),
  }));
};

/** Microsoft Teams: an Adaptive Card, since Teams ignores suggested actions. */
export const renderTeams: Renderer = (reply) => {
  const phone = reply.links.filter((l) => l.url.startsWith('tel:'));
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    rtl: reply.direction === 'rtl',
    body: [
      ...reply.text.split(/\n{2,}/).map((paragraph) => ({ type: 'TextBlock', text: paragraph, wrap: true })),
      ...phone.map((l) => ({ type: 'TextBlock', text: l.label, wrap: true, weight: 'Bolder', color: 'Attention' })),
    ],
    actions: [
      ...reply.links.filter((l) => !l.url.startsWith('tel:')).map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url })),
      ...reply.buttons.map((b) => ({
        type: 'Action.Submit',
        title: b.label,
        data: { command: encodeCommand(b.command), msteams: { type: 'messageBack', displayText: b.label } },
      })),
    ],
  };
  const attachment: Attachment = CardFactory.adaptiveCard(card);
  return [{ type: 'message', locale: reply.language, attachments: [attachment] }];
};

/** Any other channel: plain text with numbered choices. */
export const renderPlain: Renderer = (reply) => {
  const lines = [toPlainText(reply.text)];
  if (reply.buttons.length > 0) lines.push(reply.buttons.map((b, i) => `${i + 1}. ${b.label}`).join('\n'));
  if (reply.links.length > 0) lines.push(reply.links.map((l) => `${l.label}: ${l.url.replace(/^tel:/, '')}`).join('\n'));
  return [{ type: 'message', text: lines.join('\n\n'), textFormat: 'plain', locale: reply.language }];
};

/**
 * Keeps each reply's rendering: replies are built once per content snapshot, so the same
 * reply object comes back turn after turn. The activities are shared, so nothing may change
 * them (TurnContext copies each activity before it is sent).
 */
function remembering(render: Renderer): Renderer {
  const rendered = new WeakMap<Reply, Rendered>();
  return (reply) => {
    let activities = rendered.get(reply);
    if (!activities) {
      activities = render(reply);
      rendered.set(reply, activities);
    }
    return activities;
  };
}

const webChat = remembering(renderWebChat);
const plain = remembering(renderPlain);

const BY_CHANNEL: Record<string, Renderer> = {
  webchat: webChat,
  directline: webChat,
  emulator: webChat,
  test: webChat,
  telegram: remembering(renderTelegram),
  msteams: remembering(renderTeams),
};

/** The renderer for a channel id (plain text for unknown channels); renderings are kept per reply. */
export function rendererFor(channelId: string | undefined): Renderer {
  return (channelId && BY_CHANNEL[channelId]) || plain;
}
