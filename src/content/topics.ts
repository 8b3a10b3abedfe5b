/** The fixed topic ids of the content contract (CONTENT.md), in menu order. */
export const TOPIC_IDS = [
  'emergency',
  'language-courses',
  'legal-advice',
  'asylum',
  'residence-permits',
  'registration',
  'schooling',
  'health',
  'housing',
  'employment',
  'social-services',
  'contacts',
] as const;

/** One of the fixed topics. */
export type TopicId = (typeof TOPIC_IDS)[number];

/** True when `id` is one of the fixed topics. */
export function isTopicId(id: unknown): id is TopicId {
  return typeof id === 'string' && (TOPIC_IDS as readonly string[]).includes(id);
}
