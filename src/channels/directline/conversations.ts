/**
 * Conversations of the local Direct Line: unguessable ids and tokens, a bounded history
 * per conversation, and expiry after a time without activity.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** One conversation's record. */
export interface DirectLineConversation {
  readonly id: string;
  readonly token: string;
  readonly createdAt: number;
  lastActiveAt: number;
  /** Sequence number of the next activity; the watermark a client sends is one of these. */
  nextSeq: number;
  /** The most recent activities with their sequence numbers (bounded). */
  readonly history: Array<{ seq: number; activity: Partial<Activity> }>;
}

/** Limits. */
export interface ConversationLimits {
  /** Activities kept per conversation. */
  readonly maxHistory: number;
  /** A conversation idle this long is gone. */
  readonly idleMs: number;
  /** At most this many live conversations (the oldest idle ones go first). */
  readonly maxConversations: number;
}

/** Defaults: 200 activities, 30 minutes idle, 10,000 conversations. */
export const DEFAULT_LIMITS: ConversationLimits = { maxHistory: 200, idleMs: 30 * 60_000, maxConversations: 10_000 };

/** A random URL-safe id with 128 bits of entropy. */
export function unguessableId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string comparison for tokens and secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The conversation table. */
export class DirectLineConversations {
  private readonly byId = new Map<string, DirectLineConversation>();

  constructor(
    readonly limits: ConversationLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a conversation. */
  create(): DirectLineConversation {
    this.sweep();
    if (this.byId.size >= this.limits.maxConversations) {
      const oldest = [...this.byId.values()].sort((a, b) => a.lastActiveAt - b.lastActiveAt)[0];
      if (oldest) this.byId.delete(oldest.id);
    }
    const t = this.now();
    const conversation: DirectLineConversation = {
      id: unguessableId(),
      token: unguessableId(24),
      createdAt: t,
      lastActiveAt: t,
      nextSeq: 0,
      history: [],
    };
    this.byId.set(conversation.id, conversation);
    return conversation;
  }

  /** A live conversation, or undefined (unknown or expired). */
  get(id: string): DirectLineConversation | undefined {
    const c = this.byId.get(id);
    if (c && this.now() - c.lastActiveAt > this.limits.idleMs) {
      this.byId.delete(id);
      return undefined;
    }
    return c;
  }

  /** The conversation a token belongs to. */
  byToken(token: string): DirectLineConversation | undefined {
    for (const c of this.byId.values()) if (sameSecret(c.token, token)) return this.get(c.id);
    return undefined;
  }

  /** Appends an activity; returns its id. */
  append(conversation: DirectLineConversation, activity: Partial<Activity>): string {
    const seq = conversation.nextSeq++;
    const id = activity.id ?? `${conversation.id}|${String(seq).padStart(7, '0')}`;
    conversation.history.push({ seq, activity: { ...activity, id } });
    if (conversation.history.length > this.limits.maxHistory)
      conversation.history.splice(0, conversation.history.length - this.limits.maxHistory);
    conversation.lastActiveAt = this.now();
    return id;
  }

  /** Replaces an activity by id (the connector's update); false when not found. */
  update(conversation: DirectLineConversation, activityId: string, activity: Partial<Activity>): boolean {
    const entry = conversation.history.find((h) => h.activity.id === activityId);
    if (!entry) return false;
    entry.activity = { ...activity, id: activityId };
    return true;
  }

  /** Activities after a watermark, and the new watermark. */
  since(conversation: DirectLineConversation, watermark: number | undefined): { activities: Array<Partial<Activity>>; watermark: string } {
    const from = watermark === undefined || Number.isNaN(watermark) ? -1 : watermark;
    const activities = conversation.history.filter((h) => h.seq > from).map((h) => h.activity);
    return { activities, watermark: String(conversation.nextSeq - 1) };
  }

  /** Drops expired conversations; returns how many. */
  sweep(): number {
    let dropped = 0;
    for (const id of [...this.byId.keys()]) if (!this.get(id)) dropped++;
    return dropped;
  }

  /** Live conversations. */
  get size(): number {
    return this.byId.size;
  }
}
