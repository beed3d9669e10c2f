import type { TraceStep } from '../traces/schema.js';
import type { ActionSource, SourceContext, SourceMove, StepDone } from './action-source.js';

/**
 * A recorded prefix, then another source: the first `prefix` recorded steps are taken as they
 * were (with their recorded rationales), as long as the current page still has each step's
 * target; from the first step that cannot be taken, or after the prefix, `then` decides
 * (the counterfactual continuation of a human session on another arm).
 */
export class PrefixSource implements ActionSource {
  /** Recorded steps taken before the continuation started. */
  replayed = 0;
  private handedOver = false;

  constructor(
    private readonly recorded: readonly TraceStep[],
    private readonly prefix: number,
    private readonly then: ActionSource,
  ) {}

  async next(context: SourceContext): Promise<SourceMove> {
    if (!this.handedOver) {
      const step = context.index < this.prefix ? this.recorded[context.index] : undefined;
      if (step && this.canTake(step, context)) {
        return {
          kind: 'act',
          step: {
            action: step.action,
            rationale: step.rationale,
            rationaleSource: step.rationale_source,
            clickType: step.click_type,
          },
        };
      }
      this.handedOver = true;
    }
    return this.then.next(context);
  }

  done(result: StepDone): void {
    if (this.handedOver) this.then.done?.(result);
    else this.replayed++;
  }

  /** A recorded step can be taken when it is not the end and its target is on the page. */
  private canTake(step: TraceStep, context: SourceContext): boolean {
    const action = step.action;
    if (action.type === 'terminate') return false;
    return context.observation.elements.some((e) => e.name === action.name && !e.disabled);
  }
}
