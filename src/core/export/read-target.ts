/**
 * Finds the quoted text an annotation targets, in any of the shapes the W3C model allows: target
 * as one object or a list, selector as one or a list, source as an IRI or a resource with an `id`.
 */
import { at, isObject, problem, type Json, type ReadContext } from './import-context';

export interface QuoteTarget {
  source: unknown;
  sourcePath: string;
  quote: Json;
  quotePath: string;
  position: Json | undefined;
  positionPath: string;
}

/** The first target (of one or many) whose selectors (one or many) include a TextQuoteSelector. */
export function findQuoteTarget(ctx: ReadContext, raw: unknown, path: string): QuoteTarget | null {
  if (raw === undefined) {
    problem(ctx, path, 'is missing: an annotation needs a target with a TextQuoteSelector');
    return null;
  }
  const targets = Array.isArray(raw) ? raw : [raw];
  for (let t = 0; t < targets.length; t++) {
    const target: unknown = targets[t];
    if (!isObject(target)) continue;
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const q = selectors.findIndex((s) => isObject(s) && s.type === 'TextQuoteSelector');
    if (q < 0) continue;
    const p = selectors.findIndex((s) => isObject(s) && s.type === 'TextPositionSelector');
    const targetPath = Array.isArray(raw) ? at(path, t) : path;
    const selectorPath = at(targetPath, 'selector');
    const selectorAt = (i: number) => (Array.isArray(target.selector) ? at(selectorPath, i) : selectorPath);
    // W3C allows the source as an IRI or as a resource object with an `id`.
    const { source } = target;
    const resource = isObject(source);
    return {
      source: resource ? source.id : source,
      sourcePath: at(targetPath, resource ? 'source.id' : 'source'),
      quote: selectors[q] as Json,
      quotePath: selectorAt(q),
      position: p < 0 ? undefined : (selectors[p] as Json),
      positionPath: p < 0 ? selectorPath : selectorAt(p),
    };
  }
  problem(ctx, path, 'has no TextQuoteSelector: only highlights of quoted text can be imported');
  return null;
}
