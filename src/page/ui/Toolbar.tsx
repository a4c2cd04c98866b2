/** The small colour picker that appears under a selection. */
import { COLORS, type Color } from '@/src/core/model';

export interface ToolbarProps {
  /** Page coordinates of the point under the selection's middle. */
  x: number;
  y: number;
  onPick: (color: Color) => void;
}

export function Toolbar({ x, y, onPick }: ToolbarProps) {
  return (
    <div class="pop toolbar" role="toolbar" aria-label="Highlight selection" style={{ left: `${x}px`, top: `${y}px` }}>
      {COLORS.map((color) => (
        <button
          type="button"
          key={color}
          class={`swatch ${color}`}
          data-color={color}
          title={`Highlight in ${color}`}
          aria-label={`Highlight in ${color}`}
          // Keep the page's selection alive while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(color)}
        />
      ))}
    </div>
  );
}
