import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendFirstLoad } from '@/src/popup/first-load';

// The popup's first, classic script (popup/index.html loads it in its head): sends the popup's
// first requests while the UI's modules are still being fetched. Only the popup loads it.
export default defineUnlistedScript(() => {
  sendFirstLoad();
});
