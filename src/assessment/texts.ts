/** Short texts the pages, the problem table and the owner's mail share. */
import type { PageContext } from '../platform/ui/context.js';
import { translate } from '../platform/ui/translate.js';
import type { Exclusion } from './model.js';

export function exclusionText(ctx: PageContext, exclusion: Exclusion, reviewerName: string): string {
  return translate(ctx, `assessment.exclusion.${exclusion.reason}`, {
    reviewer: reviewerName,
    municipality: exclusion.municipality ? `${exclusion.municipality.name} (${exclusion.municipality.code})` : '',
  });
}

/** An application as people name it: its case number and its members, e.g. "2026/0003 Porsgrunn, Skien". */
export const applicantText = ({ caseNumber, members }: { caseNumber: string; members: readonly { code: string; name: string }[] }) =>
  `${caseNumber} ${members.map((m) => m.name).join(', ')}`;
