/** The bank's route tests' client: the platform's form client (kept here while other branches still import it from this place). */
export { formClient } from '../../platform/testing/harness.js';
