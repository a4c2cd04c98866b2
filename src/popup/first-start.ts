/**
 * The popup's first requests, for the UI: those the classic first script sent as the page was
 * parsed (entrypoints/popup-first.ts), or, without it, sent as this module is evaluated — the
 * entry script imports it before the UI modules. Only the popup imports this: nothing evaluates it
 * at build time.
 */
import { takeFirstLoad } from './first-load';

export const firstLoad = takeFirstLoad();
