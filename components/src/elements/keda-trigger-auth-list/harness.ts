export { ListHarness } from '../shared/list-harness.js';
