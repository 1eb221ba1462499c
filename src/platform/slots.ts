/**
 * Named places on one capability's page that another capability fills, so that neither imports
 * the other: the page offering a slot declares its props here by declaration merging, and the
 * capability that fills it registers a filler at composition.
 */

/** Slot name → what the page gives its fillers. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the capabilities that offer slots
export interface SlotProps {}

export type SlotFiller<P> = (props: P) => Promise<JSX.Element> | JSX.Element;

export class Slots {
  private readonly fillers = new Map<string, SlotFiller<never>[]>();

  fill<N extends keyof SlotProps>(name: N, filler: SlotFiller<SlotProps[N]>): void {
    this.fillers.set(name, [...(this.fillers.get(name) ?? []), filler as SlotFiller<never>]);
  }

  /** What every filler of the slot renders, in the order they were registered; empty when none. */
  async render<N extends keyof SlotProps>(name: N, props: SlotProps[N]): Promise<string> {
    const parts = await Promise.all((this.fillers.get(name) ?? []).map((filler) => (filler as SlotFiller<SlotProps[N]>)(props)));
    return parts.join('');
  }
}
