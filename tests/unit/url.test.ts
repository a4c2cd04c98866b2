import { describe, expect, it } from 'vitest';
import { normalizeUrl, siteOf } from '@/src/core/url';
import { normalizeTags, parseTagInput } from '@/src/core/tags';
import { LIMITS } from '@/src/core/model';

describe('normalizeUrl', () => {
  it('drops the fragment and tracking parameters, keeps and sorts the rest', () => {
    expect(normalizeUrl('https://news.example.com/a/story?utm_source=tw&b=2&fbclid=x&a=1#comments')).toBe(
      'https://news.example.com/a/story?a=1&b=2',
    );
  });
  it('gives the same key for the same article reached by different links', () => {
    const a = normalizeUrl('https://example.com/story?utm_medium=email');
    const b = normalizeUrl('https://example.com/story#top');
    expect(a).toBe(b);
  });
  it('refuses what is not a web page', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('chrome://extensions')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
  it('names the site without www', () => {
    expect(siteOf('https://www.bbc.co.uk/news/x')).toBe('bbc.co.uk');
  });
});

describe('tags', () => {
  it('trims, de-duplicates case-insensitively and drops empties', () => {
    expect(normalizeTags(['  ice ', 'ICE', '', '   ', 'chicago  politics'])).toEqual(['ice', 'chicago politics']);
  });
  it('bounds length and count', () => {
    const long = 'x'.repeat(200);
    expect(normalizeTags([long])[0]).toHaveLength(LIMITS.tag);
    const many = Array.from({ length: 100 }, (_, i) => `t${i}`);
    expect(normalizeTags(many)).toHaveLength(LIMITS.tags);
  });
  it('splits typed input on commas and newlines', () => {
    expect(parseTagInput('ice, chicago\nmayor,')).toEqual(['ice', 'chicago', 'mayor']);
  });
});
