/**
 * The search field: focused when the popup opens, a combobox over the results listbox, so that
 * ↑/↓ move through results while typing continues, Enter opens one and Esc clears the box.
 */
import type { TargetedKeyboardEvent } from 'preact';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  /** Id of the listbox the field controls. */
  listId: string;
  /** Id of the active option, or undefined when none is. */
  activeId?: string;
  expanded: boolean;
  /** Id of the element describing the syntax (filters). */
  describedBy: string;
  onKeyDown: (event: TargetedKeyboardEvent<HTMLInputElement>) => void;
}

export function SearchBox({ value, onInput, listId, activeId, expanded, describedBy, onKeyDown }: SearchBoxProps) {
  return (
    <div class="search">
      <label for="search-input" class="sr-only">
        Search all highlights
      </label>
      <input
        id="search-input"
        // A text input, not type=search: ARIA allows the combobox role only on the former.
        type="text"
        role="combobox"
        enterKeyHint="search"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        placeholder="Search highlights, notes, tags…"
        autoComplete="off"
        spellcheck={false}
        // Focus on open: the reader starts typing at once.
        autoFocus
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
