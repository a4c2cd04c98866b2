/**
 * Runtime schemas (zod) for the model's fields, shared by every place that takes an annotation from
 * outside: the background's message schemas and the import of exported files. One definition, so a
 * limit or an allowed colour cannot differ between a message and an imported file.
 * Pure: no extension API, runs in Node too.
 */
import { z } from 'zod';
import { COLORS, KINDS, LIMITS } from './model';
import { normalizeUrl } from './url';

/** Longest URL accepted; browsers handle more, but no article URL needs it. */
export const MAX_URL = 8192;

export const idField = z.uuid({ error: 'must be a UUID' });

/** A page URL, replaced by its normalised form; refused if it is not an http(s) or file URL. */
export const pageUrlField = z
  .string()
  .max(MAX_URL, { error: `must be at most ${MAX_URL} characters` })
  .transform((value, ctx) => {
    const normal = normalizeUrl(value);
    if (normal === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) or file URL' });
      return z.NEVER;
    }
    return normal;
  });

export const colorField = z.enum(COLORS);
export const kindField = z.enum(KINDS);

export const noteField = z
  .string()
  .max(LIMITS.note, { error: `the note is too long (over ${LIMITS.note} characters)` });

export const tagsField = z
  .array(z.string().max(LIMITS.tag, { error: `a tag is too long (over ${LIMITS.tag} characters)` }))
  .max(LIMITS.tags, { error: `too many tags (over ${LIMITS.tags})` });

/** Who said a saved quotation; it comes from the page's text, so it has the page fields' bound. */
export const speakerField = z.string().max(LIMITS.pageField);

export const quoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z
    .string()
    .min(1, { error: 'the quoted text is empty' })
    .max(LIMITS.quote, { error: `the selection is too long to highlight (over ${LIMITS.quote} characters)` }),
  prefix: z.string().max(LIMITS.context),
  suffix: z.string().max(LIMITS.context),
});

export const positionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.int().min(0),
    end: z.int().min(0),
  })
  .refine((p) => p.start <= p.end, { error: 'start must not be after end', path: ['end'] });
