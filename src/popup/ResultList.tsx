/** The results listbox: options in rank order, each labelled with its page. */
import type { ParsedQuery } from '@/src/core/search/query';
import type { SearchHit } from '@/src/messaging/protocol';
import { ResultItem } from './ResultItem';

export interface ResultListProps {
  id: string;
  label: string;
  hits: readonly SearchHit[];
  query: ParsedQuery;
  active: number;
  onOpen: (hit: SearchHit) => void;
  onActivate: (index: number) => void;
}

/** The DOM id of a result option. */
export const optionId = (hit: SearchHit) => `result-${hit.id}`;

export function ResultList({ id, label, hits, query, active, onOpen, onActivate }: ResultListProps) {
  return (
    <ul id={id} class="list results" role="listbox" aria-label={label}>
      {hits.map((hit, i) => (
        <ResultItem
          key={hit.id}
          hit={hit}
          query={query}
          optionId={optionId(hit)}
          active={i === active}
          onOpen={() => onOpen(hit)}
          onHover={() => i !== active && onActivate(i)}
        />
      ))}
    </ul>
  );
}
