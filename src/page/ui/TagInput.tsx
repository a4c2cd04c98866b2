/** Tag chips with a text box that autocompletes from tags already used. */
import { useState } from 'preact/hooks';
import { normalizeTags, parseTagInput } from '@/src/core/tags';

export interface TagInputProps {
  tags: string[];
  /** Tags used before, most used first. */
  known: string[];
  onChange: (tags: string[]) => void;
}

export function TagInput({ tags, known, onChange }: TagInputProps) {
  // What is typed but not yet a tag.
  const [draft, setDraft] = useState('');
  // Index of the highlighted suggestion, -1 for none.
  const [active, setActive] = useState(-1);

  const needle = draft.trim().toLowerCase();
  const have = new Set(tags.map((t) => t.toLowerCase()));
  const suggestions = needle
    ? known.filter((t) => t.toLowerCase().startsWith(needle) && !have.has(t.toLowerCase())).slice(0, 6)
    : [];

  const commit = (text: string) => {
    const added = parseTagInput(text);
    if (added.length) onChange(normalizeTags([...tags, ...added]));
    setDraft('');
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault();
      setActive((active + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault();
      setActive(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (e.key === 'Enter' || e.key === ',' || e.key === 'Tab') {
      const chosen = active >= 0 ? suggestions[active] : undefined;
      if (chosen || draft.trim()) {
        e.preventDefault();
        commit(chosen ?? draft);
      }
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div class="field">
      <div class="tags">
        {tags.map((tag) => (
          <span class="chip" key={tag} data-tag={tag}>
            {tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          type="text"
          name="tags"
          aria-label="Add tag"
          placeholder={tags.length ? '' : 'Add tags…'}
          value={draft}
          maxLength={200}
          role="combobox"
          aria-expanded={suggestions.length > 0}
          aria-autocomplete="list"
          onInput={(e) => {
            const value = e.currentTarget.value;
            // A pasted "a, b, c" becomes tags at once.
            if (/[,\n]/.test(value)) commit(value);
            else setDraft(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => draft.trim() && commit(draft)}
        />
      </div>
      {suggestions.length > 0 && (
        <ul class="suggest" role="listbox" aria-label="Tag suggestions">
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                commit(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
