/** Content script wiring: waits for a usable DOM, starts the annotator, answers the background's commands. */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseTabMessage } from '@/src/messaging/tab-commands';
import { Annotator } from './annotator';

/** How long to wait for DOMContentLoaded before working with the DOM there is. */
const DOM_WAIT_MS = 3000;

function domReady(ctx: ContentScriptContext): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true });
    ctx.setTimeout(resolve, DOM_WAIT_MS);
  });
}

export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  await domReady(ctx);
  if (!ctx.isValid || !document.body) return;
  const annotator = new Annotator(ctx);
  ctx.onInvalidated(() => annotator.destroy());

  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    const command = parseTabMessage(message, sender, browser.runtime.id);
    if (!command) return undefined;
    if (command.type === 'selection.highlight') {
      return annotator.highlightSelection(command.payload.color).then(() => ({ ok: true, value: null }));
    }
    if (command.type === 'detections.get') {
      return annotator.auto.summary().then((value) => ({ ok: true, value }));
    }
    return annotator.flash(command.payload.id).then((placed) => ({ ok: true, value: { placed } }));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  await annotator.load();
}
