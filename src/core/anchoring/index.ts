/**
 * UI-free anchoring: selectors from a range (`describe`) and ranges from selectors (`anchor`,
 * `anchorAll`). Standard DOM only: no Preact, no extension API, so it runs in the content script
 * and in Node tests.
 */
export { anchor, anchorAll } from './anchor';
export type { AnchorMethod, AnchorResult, Anchored, Orphan, OrphanReason } from './anchor';
export { describe } from './describe';
export { buildTextIndex, UI_HOST_ATTRIBUTE } from './text';
export type { TextIndex } from './text';
export type { NormalizedText } from './whitespace';
