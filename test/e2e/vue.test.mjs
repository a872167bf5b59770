// The Vue 3 host (examples/vue, a single-file component built with @vitejs/plugin-vue): see
// host-suite.mjs.
import { hostSuite } from './host-suite.mjs';

hostSuite('vue', {
  title: 'Vue 3',
  theme: { peakBar: 'rgb(15, 118, 110)', title: 'rgb(19, 78, 74)', statPeak: 'rgb(204, 251, 241)' },
});
