// The React 19 example host: defines the elements, starts the in-page report service (a real
// host leaves that out), then renders the portal.
import 'kre-license-reports'; // defines the three elements before React creates them
import { createRoot } from 'react-dom/client';
import { startMockApi } from '../shared/mock-api.js';
import { App } from './App.js';

await startMockApi();
createRoot(document.getElementById('root')!).render(<App />);
