// Moved to src/shared/resize-controller.ts (the planner uses it too); kept until the chart imports it from there.
export { SizeController } from '../shared/resize-controller.js';
