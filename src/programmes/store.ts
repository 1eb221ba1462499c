/** @deprecated The store is split by aggregate under store/, and other folders use ./index.js: this file keeps their old imports (and e2e/'s) working until they have moved. */
export * from './index.js';
export { listQuestions } from './store/questions.js';
export { askQuestion } from './use-cases/questions.js';
