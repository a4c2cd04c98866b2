/** Reads the note and the tags of a W3C annotation, whichever of the model's body shapes it uses. */
import { at, isObject, problem, type Json, type ReadContext } from './import-context';

/**
 * Note and tags from `body` (text, a TextualBody or a list) and `bodyValue`. A body with purpose
 * `tagging` (or any body of an annotation whose only motivation is tagging) is a tag; every other
 * text body is part of the note. Bodies that are links to other resources carry no text to keep.
 */
export function readBody(ctx: ReadContext, raw: Json, path: string): { note: string; tags: string[] } | null {
  const notes: string[] = [];
  const tags: string[] = [];
  const taggingOnly = raw.motivation === 'tagging' || raw.motivation === 'oa:tagging';
  const before = ctx.problems.length;

  if (raw.bodyValue !== undefined) {
    if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
    else problem(ctx, at(path, 'bodyValue'), 'must be a string');
  }
  const bodies = Array.isArray(raw.body) ? raw.body : raw.body === undefined ? [] : [raw.body];
  for (let i = 0; i < bodies.length; i++) {
    const body: unknown = bodies[i];
    // Built only for a problem: most bodies have none.
    const where = () => (Array.isArray(raw.body) ? at(at(path, 'body'), i) : at(path, 'body'));
    if (typeof body === 'string') notes.push(body);
    else if (!isObject(body)) problem(ctx, where(), 'must be text or a TextualBody object');
    else if (body.value === undefined) continue;
    else if (typeof body.value !== 'string') problem(ctx, at(where(), 'value'), 'must be a string');
    else {
      const purposes: unknown[] = Array.isArray(body.purpose) ? body.purpose : [body.purpose];
      const tagging = purposes.includes('tagging') || purposes.includes('oa:tagging');
      (tagging || (body.purpose === undefined && taggingOnly) ? tags : notes).push(body.value);
    }
  }
  if (ctx.problems.length > before) return null;
  // Empty bodies add nothing; several note bodies become paragraphs of one note.
  return { note: notes.length === 1 ? notes[0]! : notes.filter((n) => n.trim()).join('\n\n'), tags };
}
