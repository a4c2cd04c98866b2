/**
 * One search result, an option of the results listbox: the highlighted text and note with the
 * matched words marked, the tags, and which page it is on (title, site, date). Rendered as text.
 */
import type { ParsedQuery } from '@/src/core/search/query';
import type { SearchHit } from '@/src/messaging/protocol';
import { shortDate } from './format';
import { Marked } from './Marked';

/** Longest excerpt of a highlight or note shown in a result, in characters. */
const EXCERPT = 280;

export interface ResultItemProps {
  hit: SearchHit;
  query: ParsedQuery;
  /** DOM id, referenced by the search box's aria-activedescendant. */
  optionId: string;
  active: boolean;
  onOpen: () => void;
  onHover: () => void;
}

export function ResultItem({ hit: a, query, optionId, active, onOpen, onHover }: ResultItemProps) {
  return (
    <li
      id={optionId}
      role="option"
      aria-selected={active}
      class={`item result ${a.color}${active ? ' active' : ''}${a.orphan ? ' orphan' : ''}`}
      data-id={a.id}
      onClick={onOpen}
      onMouseMove={onHover}
    >
      <p class="source">
        <span class="result-page">
          <Marked text={a.title ?? a.url} query={query} max={120} />
        </span>
        <span class="meta">
          <Marked text={a.site} query={query} /> · <time dateTime={new Date(a.created).toISOString()}>{shortDate(a.created)}</time>
          {a.orphan && <span class="badge"> · not placed</span>}
        </span>
      </p>
      <q class="exact">
        <Marked text={a.exact} query={query} max={EXCERPT} />
      </q>
      {a.note && (
        <p class="note">
          <Marked text={a.note} query={query} max={EXCERPT} />
        </p>
      )}
      {a.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {a.tags.map((t) => (
            <li key={t} class="tag">
              <Marked text={t} query={query} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
