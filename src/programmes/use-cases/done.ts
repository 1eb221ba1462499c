import { isRefused, type Refused } from '../../platform/outcome.js';
import type { ExtensionProblem } from '../extensions.js';
import type { ProgrammeProblem } from '../problems.js';

/** A refusal where the caller knew it could not happen (demo data, the deprecated throwing exports). */
export class ProgrammeRefusal extends Error {
  constructor(readonly problem: ProgrammeProblem) {
    super(problem.kind === 'versionConflict' ? `version ${problem.baseVersion} is stale; the ${problem.record} is at version ${problem.currentVersion}` : `refused: ${problem.kind}`);
  }
}

/** @deprecated the refusal of a grant or revocation as the store threw it; take `Refused<ProgrammeProblem>` from the use cases instead. */
export class ExtensionRefused extends ProgrammeRefusal {
  constructor(
    problem: ProgrammeProblem,
    readonly problems: ExtensionProblem[],
  ) {
    super(problem);
  }
}

/** The outcome of a use case that the caller knows cannot be refused; a refusal is a broken invariant and throws. */
export function done<T>(outcome: T | Refused<ProgrammeProblem>): T {
  if (!isRefused(outcome)) return outcome;
  const problem = outcome.problem;
  if (problem.kind === 'invalidExtension' || problem.kind === 'extensionRefused') throw new ExtensionRefused(problem, problem.problems);
  throw new ProgrammeRefusal(problem);
}
