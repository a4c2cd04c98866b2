/**
 * Officials matching (../shared/eval/README.md, "Scoring", Officials): entity level, each labelled
 * official matched at most once, further predictions of a matched person counted once. The counts
 * are made in score.ts.
 */
import type { LabelOfficial, PredictedOfficial } from './labels';
import { lastWord, normalise } from './normalise';

export interface OfficialPair {
  labelIndex: number;
  label: LabelOfficial;
  predictionIndex: number;
  prediction: PredictedOfficial;
  roleCorrect: boolean;
}

export interface OfficialDetails {
  matched: OfficialPair[];
  duplicates: { predictionIndex: number; prediction: PredictedOfficial; labelIndex: number }[];
  missed: { labelIndex: number; label: LabelOfficial }[];
  falsePositives: { predictionIndex: number; prediction: PredictedOfficial }[];
}

/**
 * How a predicted official's name matches a labelled one: 2 when it equals the name or a mention
 * (normalised), 1 when it only shares the name's last word, 0 not at all. The stronger kind is
 * matched first, so "Hillary Clinton" goes to Hillary and not to a Bill Clinton beside her.
 */
export function officialMatchStrength(predictedName: string, label: LabelOfficial): 0 | 1 | 2 {
  const p = normalise(predictedName);
  if (!p) return 0;
  if ([label.name, ...label.mentions].some((m) => normalise(m) === p)) return 2;
  const name = normalise(label.name);
  return name && lastWord(p) === lastWord(name) ? 1 : 0;
}

/** Role rule: case-insensitive containment either way (normalised; an empty role contains nothing). */
export function roleAccepted(predicted: string, labelled: string): boolean {
  const p = normalise(predicted);
  const l = normalise(labelled);
  if (p === l) return true;
  return p !== '' && l !== '' && (p.includes(l) || l.includes(p));
}

/**
 * Officials, entity level: the strongest (prediction, label) pairs first, each label matched at
 * most once; a prediction whose labelled official is already taken is a duplicate of that person.
 */
export function matchOfficials(
  labels: readonly LabelOfficial[],
  predicted: readonly PredictedOfficial[],
): OfficialDetails {
  const strength = predicted.map((p) => labels.map((l) => officialMatchStrength(p.name, l)));
  const candidates: { p: number; l: number; s: number }[] = [];
  strength.forEach((row, p) => row.forEach((s, l) => s > 0 && candidates.push({ p, l, s })));
  candidates.sort((a, b) => b.s - a.s || a.p - b.p || a.l - b.l);

  const labelOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (labelOf.has(c.p) || taken.has(c.l)) continue;
    labelOf.set(c.p, c.l);
    taken.add(c.l);
  }

  const details: OfficialDetails = { matched: [], duplicates: [], missed: [], falsePositives: [] };
  predicted.forEach((prediction, p) => {
    const l = labelOf.get(p);
    if (l !== undefined) {
      const label = labels[l]!;
      const roleCorrect = roleAccepted(prediction.role, label.role);
      details.matched.push({ labelIndex: l, label, predictionIndex: p, prediction, roleCorrect });
      return;
    }
    // Unpaired but matching someone: every official it matches is taken, so it names one already counted.
    const row = strength[p]!;
    const best = row.reduce<number>((b, s, l) => (s > (row[b] ?? 0) ? l : b), -1);
    if (best >= 0) details.duplicates.push({ predictionIndex: p, prediction, labelIndex: best });
    else details.falsePositives.push({ predictionIndex: p, prediction });
  });
  details.matched.sort((a, b) => a.labelIndex - b.labelIndex);
  labels.forEach((label, l) => taken.has(l) || details.missed.push({ labelIndex: l, label }));
  return details;
}
