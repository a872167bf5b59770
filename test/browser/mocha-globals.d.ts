// The BDD globals that @web/test-runner's Mocha defines in the test page. Declared here, the few
// that the tests use, instead of depending on @types/mocha for them.

interface MochaContext {
  /** Sets this test's or hook's time-out in ms (the default is in web-test-runner.config.mjs). */
  timeout(ms: number): void;
  slow(ms: number): void;
  retries(count: number): void;
  skip(): never;
}
type MochaDone = (error?: unknown) => void;
/** A test or hook: synchronous, returning a promise, or calling `done`. */
type MochaFunction = (this: MochaContext, done: MochaDone) => void | PromiseLike<unknown>;

interface MochaSuiteFunction {
  (title: string, body: (this: MochaContext) => void): void;
  only(title: string, body: (this: MochaContext) => void): void;
  skip(title: string, body: (this: MochaContext) => void): void;
}
interface MochaTestFunction {
  (title: string, fn?: MochaFunction): void;
  only(title: string, fn?: MochaFunction): void;
  skip(title: string, fn?: MochaFunction): void;
}
type MochaHookFunction = (fn: MochaFunction) => void;

declare const describe: MochaSuiteFunction;
declare const it: MochaTestFunction;
declare const before: MochaHookFunction;
declare const after: MochaHookFunction;
declare const beforeEach: MochaHookFunction;
declare const afterEach: MochaHookFunction;
