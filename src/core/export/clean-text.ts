/**
 * Text from an imported file is stored as text: line breaks become `\n`, other control characters
 * (C0 but tab and newline, DEL, C1) are removed, and unpaired surrogates become U+FFFD. Removing
 * rather than refusing, because they arrive from PDFs and old tools far more often than from
 * anyone's intent, carry no meaning a reader can see, and would otherwise sink a whole file.
 */

// Everything in C0 but tab (09) and newline (0A), plus DEL and C1; CR (0D) is handled as a line break.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Counts how many texts lost characters, for the warning shown with the import summary. */
export interface CleanCounter {
  removed: number;
}

export function cleanText(text: string, counter?: CleanCounter): string {
  // Most text has nothing to clean: one regex test, one native check, no copy.
  if (!SUSPECT.test(text) && text.isWellFormed()) return text;
  const lines = text.replace(/\r\n?/g, '\n');
  const stripped = lines.replace(CONTROL, '');
  const whole = stripped.toWellFormed();
  if (counter && (stripped.length !== lines.length || whole !== stripped)) counter.removed++;
  return whole;
}
