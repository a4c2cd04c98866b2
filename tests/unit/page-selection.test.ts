/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '@/src/core/model';
import { checkSelection } from '@/src/page/selection';

function select(node: Node, start: number, endNode: Node = node, end: number = start): Selection {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  selection.addRange(range);
  return selection;
}

describe('checkSelection', () => {
  let host: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = `
      <article>
        <p id="a">The council voted on Tuesday.</p>
        <ul><li id="li1">First item</li><li id="li2">Second item</li></ul>
        <p id="blank">     </p>
      </article>
      <textarea id="ta">typed text here</textarea>
      <div id="ce" contenteditable="true">editable words</div>
      <div id="ui" data-marginalia-ui>our own toolbar</div>`;
    host = document.getElementById('ui')!;
  });
  const text = (id: string) => document.getElementById(id)!.firstChild!;

  it('accepts article text, and a selection across list items', () => {
    const check = checkSelection(select(text('a'), 4, text('a'), 11), host);
    expect(check).toMatchObject({ kind: 'range', text: 'council' });
    const across = checkSelection(select(text('li1'), 6, text('li2'), 6), host);
    expect(across.kind).toBe('range');
  });

  it('ignores a collapsed or whitespace-only selection', () => {
    expect(checkSelection(select(text('a'), 3), host).kind).toBe('ignore');
    expect(checkSelection(select(text('blank'), 0, text('blank'), 4), host).kind).toBe('ignore');
    expect(checkSelection(null, host).kind).toBe('ignore');
  });

  it('ignores selections in editable content and in our own UI', () => {
    expect(checkSelection(select(text('ce'), 0, text('ce'), 8), host).kind).toBe('ignore');
    expect(checkSelection(select(text('ui'), 0, text('ui'), 3), host).kind).toBe('ignore');
    expect(checkSelection(select(text('ta'), 0, text('ta'), 5), host).kind).toBe('ignore');
  });

  it('refuses a very long selection with a message that gives the limit', () => {
    const p = document.createElement('p');
    p.textContent = 'word '.repeat(LIMITS.quote);
    document.body.append(p);
    const check = checkSelection(select(p.firstChild!, 0, p.firstChild!, LIMITS.quote + 10), host);
    expect(check.kind).toBe('error');
    expect(check.kind === 'error' && check.message).toContain('5,000');
  });
});
