/**
 * Token tests shared by the attribution rules: is this a verb of saying, a subject pronoun, a
 * source preposition ("according to", "selon")?
 */
import { PARTICLE_VERB, PRONOUN, SOURCE_PREP, SPEECH_VERB, VERB_PARTICLE } from './lexicon/speech';
import { DETERMINER, set } from './lexicon/words';
import type { Token } from './tokens';

/** Forms that are also nouns ("the notes", "a claim"): not verbs after a determiner. */
const NOUNISH = set(
  'note notes claim claims comment comments post posts answer answers promise promises state states stress ' +
    'joke counter reply replies tweet tweets brand brands label labels blast blasts hail praise slam',
);
const PREPS = SOURCE_PREP.map((p) => p.split(' '));
const PREP_START = new Set(PREPS.map((p) => p[0]!));

/** Is token k a verb of saying (not the noun "notes" after a determiner)? Returns its last token index or -1. */
export function speechVerbAt(toks: readonly Token[], k: number): number {
  const t = toks[k];
  if (!t || t.k !== 'w' || t.caps || t.q >= 0) return -1;
  const prev = toks[k - 1];
  if (prev && NOUNISH.has(t.w) && DETERMINER.has(prev.w) && prev.k === 'w') return -1;
  if (SPEECH_VERB.has(t.w) && !(t.cap && prev && prev.sent === t.sent)) return k;
  const next = toks[k + 1];
  if (PARTICLE_VERB.has(t.w) && next && VERB_PARTICLE.has(next.w)) return k + 1;
  return -1;
}

/** The subject pronoun at token k, if it is one: m, f, o(rganisation) or p(lural). */
export function pronounAt(toks: readonly Token[], k: number): 'm' | 'f' | 'o' | 'p' | null {
  const t = toks[k];
  if (!t || t.k !== 'w' || t.q >= 0) return null;
  return PRONOUN.get(t.w) ?? null;
}

/** The source preposition starting at token k ("according to"): the index after it, or -1. */
export function sourcePrepAt(toks: readonly Token[], k: number): number {
  const first = toks[k]?.w;
  if (first === undefined || !PREP_START.has(first)) return -1;
  for (const words of PREPS) {
    let n = 0;
    while (n < words.length && toks[k + n]?.w === words[n]) n++;
    if (n === words.length) return k + n;
  }
  return -1;
}
