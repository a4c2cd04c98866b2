/** Everything the content script shows in the page: toolbar, editor, message. Stateless; the annotator owns the state. */
import type { Annotation, Color } from '@/src/core/model';
import type { AnnotationPatch } from '@/src/messaging/protocol';
import { DetectionCard, type CardState } from './DetectionCard';
import { Editor, type SaveState } from './Editor';
import { Toolbar } from './Toolbar';

export interface UiState {
  toolbar?: { x: number; y: number };
  editor?: { annotation: Annotation; x: number; y: number; overlaps: string[]; saveState: SaveState };
  /** The card of a clicked quotation or official. */
  card?: CardState;
  /** Who said the quotation under the pointer. */
  tip?: { x: number; y: number; text: string };
  toast?: { message: string; tone: 'info' | 'error' };
  knownTags: string[];
}

export interface UiActions {
  pick: (color: Color) => void;
  change: (id: string, patch: AnnotationPatch) => void;
  remove: (id: string) => void;
  nextOverlap: () => void;
  closeEditor: () => void;
  saveQuote: () => void;
  stepMention: (delta: 1 | -1) => void;
}

export function App({ state, actions }: { state: UiState; actions: UiActions }) {
  const { toolbar, editor, card, tip, toast } = state;
  return (
    <div class="layer">
      {toolbar && <Toolbar x={toolbar.x} y={toolbar.y} onPick={actions.pick} />}
      {editor && (
        <Editor
          key={editor.annotation.id}
          annotation={editor.annotation}
          x={editor.x}
          y={editor.y}
          knownTags={state.knownTags}
          saveState={editor.saveState}
          overlapCount={editor.overlaps.length}
          onChange={(patch) => actions.change(editor.annotation.id, patch)}
          onDelete={() => actions.remove(editor.annotation.id)}
          onNextOverlap={actions.nextOverlap}
          onClose={actions.closeEditor}
        />
      )}
      {card && <DetectionCard card={card} onSaveQuote={actions.saveQuote} onStep={actions.stepMention} onClose={actions.closeEditor} />}
      {tip && !card && !editor && (
        <div class="pop tip" role="tooltip" style={{ left: `${tip.x}px`, top: `${tip.y}px` }}>
          {tip.text}
        </div>
      )}
      {toast && (
        <div class={`pop toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          {toast.message}
        </div>
      )}
    </div>
  );
}
