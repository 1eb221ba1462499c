/**
 * Workflows are data: `defineWorkflow` takes a capability's states (with what staff and what the
 * public call each, in every language of the product), its actions (from which states, to which)
 * and named groups of states, and gives the one way to ask and to move.
 */
import type { Locale } from './i18n/index.js';
import { refuse, type Refused } from './outcome.js';

/** A name in every language of the product. */
export type Names = Record<Locale, string>;

export type Audience = 'staff' | 'public';

export interface TransitionRule<S extends string> {
  from: readonly S[];
  /** One target, or several where the caller chooses (e.g. back to the state before a pause). */
  to: S | readonly S[];
}

export interface WorkflowDefinition<S extends string, A extends string, G extends string> {
  states: Record<S, { staff: Names; public: Names }>;
  transitions: Record<A, TransitionRule<S>>;
  groups?: Record<G, readonly S[]>;
}

/** A move the table allows, as it is audited: from, to and the action that made it. */
export interface Transitioned<S extends string, A extends string = string> {
  from: S;
  to: S;
  action: A;
}

export interface IllegalTransition<S extends string, A extends string> {
  kind: 'illegalTransition';
  state: S;
  action: A;
}

export interface Workflow<S extends string, A extends string, G extends string> {
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly groups: Readonly<Record<G, readonly S[]>>;
  /** Whether `action` may be taken in `state` (to `to`, where the action has several targets). */
  can(state: S, action: A, to?: S): boolean;
  /** The move, or the refusal when the table does not allow it. */
  apply(state: S, action: A, to?: S): Transitioned<S, A> | Refused<IllegalTransition<S, A>>;
  /** The actions the table allows in `state`. */
  actionsFrom(state: S): A[];
  name(state: S, audience: Audience, locale: Locale): string;
  isIn(group: G, state: S): boolean;
}

export function defineWorkflow<const S extends string, const A extends string, const G extends string = never>(
  definition: WorkflowDefinition<S, A, G>,
): Workflow<S, A, G> {
  const states = Object.keys(definition.states) as S[];
  const actions = Object.keys(definition.transitions) as A[];
  const groups = (definition.groups ?? {}) as Record<G, readonly S[]>;
  const targets = (action: A): readonly S[] => [definition.transitions[action].to].flat() as S[];
  const target = (state: S, action: A, to?: S): S | undefined => {
    if (!definition.transitions[action]?.from.includes(state)) return undefined;
    const allowed = targets(action);
    if (to === undefined) return allowed.length === 1 ? allowed[0] : undefined;
    return allowed.includes(to) ? to : undefined;
  };
  return {
    states,
    actions,
    groups,
    can: (state, action, to) => target(state, action, to) !== undefined,
    apply(state, action, to) {
      const next = target(state, action, to);
      return next === undefined ? refuse({ kind: 'illegalTransition', state, action }) : { from: state, to: next, action };
    },
    actionsFrom: (state) => actions.filter((action) => definition.transitions[action].from.includes(state)),
    name: (state, audience, locale) => definition.states[state][audience][locale],
    isIn: (group, state) => groups[group].includes(state),
  };
}

/**
 * Every state × action of a workflow and where it leads (the targets, or null where refused): a
 * capability's table-driven test compares it with the matrix written out by hand.
 */
export function transitionMatrix<S extends string, A extends string>(workflow: Workflow<S, A, string>): Record<S, Record<A, S[] | null>> {
  const row = (state: S) =>
    Object.fromEntries(
      workflow.actions.map((action) => [
        action,
        workflow.can(state, action) || workflow.states.some((to) => workflow.can(state, action, to))
          ? workflow.states.filter((to) => workflow.can(state, action, to))
          : null,
      ]),
    );
  return Object.fromEntries(workflow.states.map((state) => [state, row(state)])) as Record<S, Record<A, S[] | null>>;
}
