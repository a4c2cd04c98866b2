/**
 * Filter chips under the search box: each adds its filter to the query, or takes it out again.
 * They only edit the text, so what a chip does is always visible (and editable) in the box.
 */
import { toggleFilter, hasFilter } from './query-text';

export interface FilterChipsProps {
  query: string;
  /** Tags in use, most used first; the first few become chips. */
  tags: readonly string[];
  onChange: (query: string) => void;
}

const FIXED = ['kind:quote', 'color:yellow', 'is:orphan'];
const TAG_CHIPS = 6;

export function FilterChips({ query, tags, onChange }: FilterChipsProps) {
  const chips = [...tags.slice(0, TAG_CHIPS).map((t) => (/[\s"]/.test(t) ? `tag:"${t.replace(/"/g, '')}"` : `tag:${t}`)), ...FIXED];
  return (
    <div class="chips" role="group" aria-label="Filters">
      {chips.map((chip) => {
        const on = hasFilter(query, chip);
        return (
          <button key={chip} type="button" class={`chip${on ? ' on' : ''}`} aria-pressed={on} onClick={() => onChange(toggleFilter(query, chip))}>
            {chip}
          </button>
        );
      })}
    </div>
  );
}
