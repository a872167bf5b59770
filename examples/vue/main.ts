// The Vue 3 example host: defines the elements, starts the in-page report service (a real host
// leaves that out), then mounts the portal.
import 'kre-license-reports'; // defines the three elements
import { createApp } from 'vue';
import { startMockApi } from '../shared/mock-api';
import App from './App.vue';

await startMockApi();
createApp(App).mount('#app');
