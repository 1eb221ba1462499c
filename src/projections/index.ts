/**
 * What other parts of the product (and the benchmarks) may use of projections, the only door into
 * this folder: its manifest, the kommunebilde plugin and its projection service, the figures an
 * area's outlook is made of, and the pure engine with the national inputs it is built from.
 */
import type { CapabilityManifest } from '../platform/capability.js';
import { kommuneMessages } from './messages.js';

export const projections: CapabilityManifest = {
  name: 'projections',
  messages: kommuneMessages,
  navigation: [{ href: '/kommune', label: 'kommune.nav', order: 10, keepsLanguage: true }],
};

export { kommunebildeRoutes } from './kommunebilde/routes.js';
export { createProjectionService, type ProjectionService } from './kommunebilde/service.js';
export { AGE_GROUPS, COMPARISON_YEAR, figuresIn, percentChange, type AreaFigures, type YearFigures } from './engine/figures.js';
export { buildEngine, type ProjectionEngine } from './engine/engine.js';
export { BACKTEST_EXCLUDED } from './engine/backtest.js';
export { fertilityShape } from './engine/fertility.js';
export { CELL_COUNT, FEMALE, MAX_AGE, SCENARIOS, SEXES, cellIndex, personsAged, populationInYear, stepCount } from './engine/model.js';
export { careCoverage, staffingNeeds, staffingRates } from './engine/staffing.js';
export { loadProjectionInputs } from './sources.js';
export { printBacktest } from './cli/backtest-report.js';
export { PROJECTIONS_USAGE, parseProjectionCommand } from './cli/commands.js';
export { danishBoundaries, namedFeatures, norwegianBoundaries } from './kommunebilde/maps.js';
