/** @vitest-environment happy-dom */
/**
 * The article's plain text: paragraphs from block elements, whitespace rules, `<br>`, what is
 * skipped, and the paragraph offsets. Run in happy-dom, and once in linkedom (the Node tools' DOM).
 */
import { describe, expect, it } from 'vitest';
import { articleText } from '@/src/core/extract';
import { parseHtmlDocument } from '@/src/tools/node-html';

function textOf(html: string, lang?: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return articleText(root, lang);
}

const paragraphsOf = (html: string) => textOf(html).text.split('\n\n');

describe('articleText', () => {
  it('makes one paragraph per block element, separated by a blank line', () => {
    const html = `
      <h2>Heading</h2><p>First.</p>
      <ul><li>One</li><li>Two</li></ul>
      <blockquote><p>Quoted.</p></blockquote>
      <table><tr><th>Head</th><td>Cell</td></tr></table>
      <figure><img src="x.jpg" alt="no alt text"><figcaption>Caption</figcaption></figure>
      <dl><dt>Term</dt><dd>Definition</dd></dl>
      <h1>Big</h1><h6>Small</h6>`;
    expect(paragraphsOf(html)).toEqual([
      'Heading', 'First.', 'One', 'Two', 'Quoted.', 'Head', 'Cell', 'Caption', 'Term', 'Definition', 'Big', 'Small',
    ]);
  });

  it('keeps inline elements inside their paragraph', () => {
    expect(paragraphsOf('<p>He said <a href="#">it was <em>"distressing"</em></a>, twice.</p>')).toEqual([
      'He said it was "distressing", twice.',
    ]);
  });

  it('makes paragraphs of the text directly inside a div, around its blocks', () => {
    expect(paragraphsOf('<div>Intro <b>text</b><p>Para</p>tail <div>inner</div></div>')).toEqual(['Intro text', 'Para', 'tail', 'inner']);
  });

  it('collapses whitespace runs, line ends and no-break spaces to one space and trims paragraphs', () => {
    expect(textOf('<p>\n   Mayor\u00a0\u00a0Lori \n\t Lightfoot  said   </p>').text).toBe('Mayor Lori Lightfoot said');
    expect(textOf('<p>a<span> </span><span> </span>b</p>').text).toBe('a b');
  });

  it('drops empty paragraphs', () => {
    expect(paragraphsOf('<p>One</p><p>  </p><p><span>\n</span></p><div><p></p></div><p>Two</p>')).toEqual(['One', 'Two']);
  });

  it('ignores script, style, noscript, template and hidden elements', () => {
    const html = `<p>Before<script>var s = "quote";</script><style>p{}</style> after</p>
      <noscript><p>Enable JS</p></noscript><template><p>Tpl</p></template><p hidden>Hidden</p>`;
    expect(paragraphsOf(html)).toEqual(['Before after']);
  });

  it('turns <br> into one line break inside the paragraph, never a paragraph break', () => {
    expect(textOf('<p>Photo: A. Smith<br>Reuters</p>').text).toBe('Photo: A. Smith\nReuters');
    expect(textOf('<p>one <br> <br><br> two</p>').text).toBe('one\ntwo');
    expect(textOf('<p><br>edge<br></p>').text).toBe('edge');
  });

  it('keeps the lines of <pre> apart', () => {
    expect(textOf('<pre>line  one\n\n   line two\n</pre>').text).toBe('line one\nline two');
  });

  it('gives the offsets of each paragraph in the text', () => {
    const article = textOf('<p>Alpha beta.</p><li>Gamma</li><div>Delta <i>epsilon</i></div>');
    expect(article.text).toBe('Alpha beta.\n\nGamma\n\nDelta epsilon');
    expect(article.paragraphs).toEqual([
      { start: 0, end: 11 },
      { start: 13, end: 18 },
      { start: 20, end: 33 },
    ]);
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual(['Alpha beta.', 'Gamma', 'Delta epsilon']);
  });

  it('reads the root itself when it is a paragraph, and handles an empty root', () => {
    const p = document.createElement('p');
    p.textContent = ' Just this ';
    expect(articleText(p)).toEqual({ text: 'Just this', paragraphs: [{ start: 0, end: 9 }] });
    expect(articleText(document.createElement('div'))).toEqual({ text: '', paragraphs: [] });
  });

  it('passes the language through when given', () => {
    expect(textOf('<p>Bonjour</p>', 'fr').lang).toBe('fr');
    expect('lang' in textOf('<p>Hello</p>')).toBe(false);
  });

  it('gives the same text under linkedom, without DOM globals', () => {
    const html = '<div><p>He said <q>no</q>.<br>Then\u00a0left.</p><script>x</script><li>One</li>Tail</div>';
    const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
    const linked = articleText(doc.body.firstElementChild!);
    expect(linked).toEqual(textOf(html));
    expect(linked.text).toBe('He said no.\nThen left.\n\nOne\n\nTail');
  });
});
