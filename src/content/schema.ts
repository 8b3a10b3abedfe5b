/**
 * The content bundle's file schemas (CONTENT.md). Validation happens once, at load time,
 * so the rest of the code can trust the types.
 */
import { z } from 'zod';
import { LANGUAGE_CODES } from '../language/languages';
import { TOPIC_IDS } from './topics';

const languageCode = z.enum(LANGUAGE_CODES);
const topicId = z.enum(TOPIC_IDS);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');
const httpsUrl = z.string().regex(/^https?:\/\/[^\s]+$/, 'an absolute http(s) URL');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** One language's version of an answer. Title and text may be absent where only matching data exists yet. */
export const translationSchema = z
  .object({
    title: nonEmpty.max(120).optional(),
    text: nonEmpty.max(2000).optional(),
    questions: z.array(nonEmpty.max(200)).min(1, 'at least one example question'),
    keywords: z.array(nonEmpty.max(60)).default([]),
    /** True while no person who knows the language has reviewed this text. */
    machineTranslated: z.boolean(),
  })
  .strict()
  .refine((t) => (t.title === undefined) === (t.text === undefined), {
    message: 'title and text go together: give both or neither',
  });

/** Where an answer's facts come from and how fresh they are. */
export const provenanceSchema = z
  .object({
    sources: z.array(httpsUrl).min(1, 'at least one source URL'),
    verifiedOn: isoDate,
    needsReview: z.boolean(),
    reviewNote: nonEmpty.optional(),
  })
  .strict();

/** One answer file: `content/<city>/<name>.yaml`. */
export const answerSchema = z
  .object({
    id: slug,
    city: slug,
    topic: topicId,
    status: z.enum(['draft', 'published']),
    version: z.number().int().positive(),
    provenance: provenanceSchema,
    translations: z.partialRecord(languageCode, translationSchema),
  })
  .strict();

/** A city's own file: `content/<city>/city.yaml`. */
export const citySchema = z
  .object({
    id: slug,
    /** The city's name per language; `en` is required, others fall back to it. */
    name: z.partialRecord(languageCode, nonEmpty).refine((n) => n.en !== undefined, { message: 'an English name (en) is required' }),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 two-letter country code'),
    /** The city's own languages; the first is the default for new users. */
    languages: z.array(languageCode).min(1),
    /** The number shown on the always-visible emergency button. */
    emergencyNumber: z.string().regex(/^\d{3}$/, 'a three-digit emergency number'),
    website: httpsUrl.optional(),
    sources: z.array(httpsUrl).min(1),
  })
  .strict();

/** Shared, staff-editable vocabulary for one language: words people use for each topic. */
export const topicVocabularySchema = z
  .object({
    language: languageCode,
    machineTranslated: z.boolean(),
    topics: z.record(
      topicId,
      z
        .object({
          keywords: z.array(nonEmpty.max(60)).min(1),
          questions: z.array(nonEmpty.max(200)).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type Translation = z.infer<typeof translationSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type AnswerFile = z.infer<typeof answerSchema>;
export type CityFile = z.infer<typeof citySchema>;
export type TopicVocabularyFile = z.infer<typeof topicVocabularySchema>;
