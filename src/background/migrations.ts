/**
 * Upgrade functions between schema versions. Each one reads records as they were stored by the
 * older code, so it checks every field instead of trusting today's types.
 */
import type { Transaction } from 'dexie';
import { COLORS, KINDS, type AnnotationKind, type Color } from '@/src/core/model';
import { normalizeTags } from '@/src/core/tags';

/** An annotation as version 1 stored it: no kind, no orphan flag, tags and `updated` optional. */
export interface V1Annotation {
  id: string;
  url: string;
  color: string;
  note?: string;
  tags?: string[];
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
  created: number;
  updated?: number;
}

const isColor = (value: unknown): value is Color => COLORS.some((color) => color === value);
const isKind = (value: unknown): value is AnnotationKind => KINDS.some((kind) => kind === value);

/** Fills in, in place, the fields a v1 record may lack; v1 used the same colour names. */
export function backfillV2(record: Record<string, unknown>): void {
  if (!isKind(record.kind)) record.kind = 'highlight';
  if (typeof record.orphan !== 'boolean') record.orphan = false;
  const tags = Array.isArray(record.tags) ? record.tags.filter((t): t is string => typeof t === 'string') : [];
  record.tags = normalizeTags(tags);
  if (typeof record.note !== 'string') record.note = '';
  if (!isColor(record.color)) record.color = COLORS[0];
  if (typeof record.created !== 'number') record.created = 0;
  if (typeof record.updated !== 'number') record.updated = record.created;
}

/** Version 1 → 2: backfill every annotation; runs inside Dexie's upgrade transaction. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Record<string, unknown>, string>('annotations')
    .toCollection()
    .modify((record) => backfillV2(record));
}
