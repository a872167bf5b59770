// The React 19 host (examples/react): see host-suite.mjs.
import { hostSuite } from './host-suite.mjs';

hostSuite('react', {
  title: 'React 19',
  theme: { peakBar: 'rgb(109, 40, 217)', title: 'rgb(76, 29, 149)', statPeak: 'rgb(237, 233, 254)' },
  rtlScreenshot: true,
});
