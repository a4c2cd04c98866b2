import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/src/page/main';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Start early and wait for the DOM ourselves, so a page that never finishes loading still gets its highlights.
  runAt: 'document_start',
  cssInjectionMode: 'manifest',
  main: startContentScript,
});
