// The readerability check alone, without the rest of Readability: the content script needs only
// this at first, and loads the pipeline (with Readability) on pages that pass it.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const check: typeof isProbablyReaderable;
  export default check;
}
