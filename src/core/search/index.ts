/** Search over saved annotations: pure text, query, document and ranking modules (no DOM, no extension API). */
export * from './text';
export * from './query';
export * from './document';
export * from './rank';
export * from './mark';
export * from './postings';
