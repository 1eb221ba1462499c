/** A completed improvement action's facts, for the knowledge bank to make a case of (wired at composition). */
import type { Queryable } from '../platform/db/database.js';
import { translator, type Locale } from '../platform/i18n/index.js';
import type { ProjectionService } from '../projections/index.js';
import { createKeyFigureService } from './key-figure-service.js';
import { actionViews, movementText } from './pages/network.js';
import { findAction, findNetwork, listMembers, listOwnFigures, listOwnValues } from './store.js';

export interface CompletedActionFacts {
  id: string;
  country: 'NO' | 'DK';
  network: string;
  municipality: { code: string; name: string };
  action: string;
  owner: string;
  /** The figure it was to move, and how it moved since the action was recorded, in the country's language. */
  figure: string;
  movement: string;
  due: string;
}

/** Reads an action's facts once it is completed; nothing for an action unknown, not completed, or whose figure is gone. */
export function completedActionFacts(db: Queryable, projections: ProjectionService) {
  const keyFigures = createKeyFigureService(db, projections);
  return async (actionId: string): Promise<CompletedActionFacts | undefined> => {
    const action = await findAction(db, actionId);
    const network = action && (await findNetwork(db, action.networkId));
    if (!action || !network || action.state !== 'completed') return undefined;
    const locale: Locale = network.country === 'DK' ? 'da' : 'nb';
    const t = translator(locale);
    const [members, figures, values, data] = await Promise.all([
      listMembers(db, network.id),
      listOwnFigures(db, network.id),
      listOwnValues(db, network.id),
      keyFigures.countryData(network.country),
    ]);
    const [view] = actionViews(t, [action], members, figures, values, data);
    if (!view) return undefined;
    return {
      id: action.id,
      country: network.country,
      network: network.name,
      municipality: { code: action.code, name: view.municipality },
      action: action.action,
      owner: action.owner,
      figure: view.figure,
      movement: movementText(t, locale, view),
      due: action.due,
    };
  };
}
