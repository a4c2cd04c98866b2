/**
 * Decides whether the reader's selection can become a highlight. Selections that are not a
 * reader marking article text (empty, in form fields, in editable areas, in our own UI) are
 * ignored silently; a selection that is too long is refused with a message.
 */
import { LIMITS } from '@/src/core/model';

export type SelectionCheck =
  | { kind: 'range'; range: Range; text: string }
  | { kind: 'ignore' }
  | { kind: 'error'; message: string };

function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** True for nodes in form fields, editable areas, or our own UI host. */
export function isInEditableOrOurs(node: Node | null, uiHost: Element | null): boolean {
  const el = elementOf(node);
  if (!el) return false;
  if (uiHost && (el === uiHost || uiHost.contains(el))) return true;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]')) return true;
  return (el as HTMLElement).isContentEditable === true;
}

export function checkSelection(selection: Selection | null, uiHost: Element | null): SelectionCheck {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'ignore' };
  const range = selection.getRangeAt(0);
  if (isInEditableOrOurs(range.startContainer, uiHost) || isInEditableOrOurs(range.endContainer, uiHost)) {
    return { kind: 'ignore' };
  }
  const text = range.toString();
  if (!text.trim()) return { kind: 'ignore' };
  if (text.length > LIMITS.quote) {
    return {
      kind: 'error',
      message: `That selection is ${text.length.toLocaleString('en')} characters long; highlights can be at most ${LIMITS.quote.toLocaleString('en')}. Select a shorter passage.`,
    };
  }
  return { kind: 'range', range: range.cloneRange(), text };
}
