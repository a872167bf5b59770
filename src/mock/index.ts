/**
 * `kre-license-reports/mock`: MSW request handlers that serve the report contract from a dataset,
 * and a seeded generator of realistic datasets. Shared by tests, stories and the demo.
 */
export { createHandlers, createMockService, type MockService, type MockServiceOptions } from './handlers.js';
export { MOCK_FAILURES, MockControl, type MockEndpoint, type MockFailure, type MockSettings } from './control.js';
export { DEFAULT_DAYS, DEFAULT_SESSIONS, anchorEnd, generateDataset, type GenerateOptions } from './generate.js';
export { Random, createRandom, hashSeed } from './random.js';
export { HOSTILE_PEOPLE, HOSTILE_ORG_NAMES, HOSTILE_SAMPLES, LONG_NAME, type HostilePerson } from './hostile.js';
export { ACCOUNT_NAME } from './organizations.js';
