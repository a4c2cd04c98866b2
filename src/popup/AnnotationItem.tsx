/** One saved highlight in a popup list: its text, note and tags, always rendered as text. */
import type { Annotation } from '@/src/core/model';
import { sendToTab } from '@/src/messaging/client';

export function AnnotationItem({ annotation, tabId }: { annotation: Annotation; tabId?: number }) {
  const flash = () => {
    if (tabId === undefined) return;
    void sendToTab(tabId, 'annotation.flash', { id: annotation.id }).then(() => window.close());
  };
  return (
    <li class={`item ${annotation.color}`} data-id={annotation.id}>
      <button type="button" class="item-body" onClick={flash} disabled={tabId === undefined || annotation.orphan}>
        <q class="exact">{annotation.quote.exact}</q>
        {annotation.speaker && <p class="speaker-of">— {annotation.speaker}</p>}
        {annotation.note && <p class="note">{annotation.note}</p>}
        {annotation.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {annotation.tags.map((t) => (
              <li key={t} class="tag">
                {t}
              </li>
            ))}
          </ul>
        )}
      </button>
    </li>
  );
}
