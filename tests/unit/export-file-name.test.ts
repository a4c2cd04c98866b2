import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '@/src/core/export';

// Local time on purpose: the name carries the reader's calendar day.
const day = new Date(2026, 10, 27, 23, 59);

describe('exportFileName', () => {
  it('is dated, with the format’s extension', () => {
    expect(exportFileName('json', { kind: 'all' }, day)).toBe('marginalia-2026-11-27.json');
    expect(exportFileName('csv', { kind: 'all' }, day)).toBe('marginalia-2026-11-27.csv');
    expect(exportFileName('markdown', { kind: 'all' }, day)).toBe('marginalia-2026-11-27.md');
    expect(exportFileName('json', { kind: 'all' }, new Date(2026, 0, 5))).toBe('marginalia-2026-01-05.json');
  });

  it('names one page’s export by its title, or its address when it has none', () => {
    expect(exportFileName('json', { kind: 'page', url: 'https://x.example/a', title: 'Ça va? Le «maire» dit: NON!' }, day)).toBe(
      'marginalia-2026-11-27-page-ca-va-le-maire-dit-non.json',
    );
    expect(exportFileName('csv', { kind: 'page', url: 'https://www.example.com/news/2026/story-1' }, day)).toBe(
      'marginalia-2026-11-27-page-example-com-news-2026-story-1.csv',
    );
    expect(exportFileName('csv', { kind: 'page', url: 'https://x.example/', title: '東京' }, day)).toBe(
      'marginalia-2026-11-27-page-untitled.csv',
    );
  });

  it('marks search exports, with the query when it has letters to keep', () => {
    expect(exportFileName('markdown', { kind: 'search', query: 'ice, Chicago' }, day)).toBe('marginalia-2026-11-27-search-ice-chicago.md');
    expect(exportFileName('markdown', { kind: 'search', query: '  ' }, day)).toBe('marginalia-2026-11-27-search.md');
    expect(exportFileName('json', { kind: 'search', query: '../../etc/passwd' }, day)).toBe('marginalia-2026-11-27-search-etc-passwd.json');
  });

  it('keeps slugs short and safe', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
