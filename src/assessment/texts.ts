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

export const membersText = (members: readonly { code: string; name: string }[]) => members.map((m) => m.name).join(', ');
