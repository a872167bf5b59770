// The React 19 host (examples/react): see host-suite.mjs.
import { hostSuite } from './host-suite.mjs';

hostSuite('react', { title: 'React 19' });
