/** The card of an automatic highlight: who said a quotation (and saving it), or an official's role and mentions. */
import { useEffect, useRef } from 'preact/hooks';

export type CardState =
  | { kind: 'quote'; x: number; y: number; speaker: string | null; role?: string; saved: boolean }
  | { kind: 'official'; x: number; y: number; name: string; role: string; mention: number; count: number };

export interface DetectionCardProps {
  card: CardState;
  onSaveQuote: () => void;
  onStep: (delta: 1 | -1) => void;
  onClose: () => void;
}

export function DetectionCard({ card, onSaveQuote, onStep, onClose }: DetectionCardProps) {
  // The card's main action takes focus, so Enter saves a quotation or steps to the next mention.
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), [card.kind, card.x, card.y]);
  return (
    <div
      class="pop card"
      role="dialog"
      aria-label={card.kind === 'quote' ? 'Quotation' : 'Official'}
      style={{ left: `${card.x}px`, top: `${card.y}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <span class="card-kind">{card.kind === 'quote' ? 'Quotation' : 'Official'}</span>
        <button type="button" class="icon" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      {card.kind === 'quote' ? (
        <>
          <p class="who">
            {card.speaker ? (
              <>
                <strong>{card.speaker}</strong>
                {card.role && <span class="role">, {card.role}</span>}
              </>
            ) : (
              <span class="muted">Speaker not identified</span>
            )}
          </p>
          <div class="row">
            <span class="spacer" />
            <button type="button" class="text" ref={primary} onClick={onSaveQuote} disabled={card.saved}>
              {card.saved ? 'Saved' : 'Save quotation'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="who">
            <strong>{card.name}</strong>
            <span class="role">, {card.role}</span>
          </p>
          <div class="row">
            <span class="muted" aria-live="polite">
              Mention {card.mention + 1} of {card.count}
            </span>
            <span class="spacer" />
            <button type="button" class="text" aria-label="Previous mention" onClick={() => onStep(-1)} disabled={card.count < 2}>
              ‹
            </button>
            <button type="button" class="text" ref={primary} aria-label="Next mention" onClick={() => onStep(1)} disabled={card.count < 2}>
              ›
            </button>
          </div>
        </>
      )}
    </div>
  );
}
