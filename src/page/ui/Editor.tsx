/** The editor opened by clicking a highlight: note, tags, colour, delete. Saves as it changes. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COLORS, LIMITS, type Annotation } from '@/src/core/model';
import type { AnnotationPatch } from '@/src/messaging/protocol';
import { TagInput } from './TagInput';

export type SaveState = 'saved' | 'saving' | { error: string };

export interface EditorProps {
  annotation: Annotation;
  /** Page coordinates of the editor's top-left corner. */
  x: number;
  y: number;
  knownTags: string[];
  saveState: SaveState;
  /** How many highlights lie under the click; with more than one, the reader can step through them. */
  overlapCount: number;
  onChange: (patch: AnnotationPatch) => void;
  onDelete: () => void;
  onNextOverlap: () => void;
  onClose: () => void;
}

export function Editor({ annotation, x, y, knownTags, saveState, overlapCount, onChange, onDelete, onNextOverlap, onClose }: EditorProps) {
  // The note as typed; the stored one lags behind by the save debounce.
  const [note, setNote] = useState(annotation.note);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    noteRef.current?.focus();
  }, [annotation.id]);

  const status =
    saveState === 'saved' ? 'Saved' : saveState === 'saving' ? 'Saving…' : `Not saved: ${saveState.error}`;

  return (
    <div
      class="pop editor"
      role="dialog"
      aria-label="Highlight note"
      style={{ left: `${x}px`, top: `${y}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <div class="row" role="radiogroup" aria-label="Colour">
          {COLORS.map((color) => (
            <button
              type="button"
              key={color}
              class={`swatch ${color}`}
              role="radio"
              aria-checked={annotation.color === color}
              aria-pressed={annotation.color === color}
              aria-label={color}
              title={color}
              onClick={() => onChange({ color })}
            />
          ))}
        </div>
        <div class="row">
          {overlapCount > 1 && (
            <button type="button" class="text" title="Next highlight at this spot" onClick={onNextOverlap}>
              1 of {overlapCount} ›
            </button>
          )}
          <button type="button" class="icon" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <p class="quote">{annotation.quote.exact}</p>
      <label class="field">
        Note
        <textarea
          ref={noteRef}
          name="note"
          value={note}
          maxLength={LIMITS.note}
          placeholder="Write a note…"
          onInput={(e) => {
            const value = e.currentTarget.value;
            setNote(value);
            onChange({ note: value });
          }}
        />
      </label>
      <div class="field label">
        Tags
        <TagInput tags={annotation.tags} known={knownTags} onChange={(tags) => onChange({ tags })} />
      </div>
      <div class="row">
        <span class={`status${typeof saveState === 'object' ? ' error' : ''}`} role="status" aria-live="polite">
          {status}
        </span>
        <span class="spacer" />
        <button type="button" class="text danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
