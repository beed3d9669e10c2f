import { formatAction } from '../action.js';
import type {
  ActionSource,
  SourceContext,
  SourceMove,
  StepDone,
} from '../session/action-source.js';
import { REDACTED } from '../traces/redactor.js';
import type { TraceStep } from '../traces/schema.js';
import { compareStep } from './compare.js';
import { DIVERGENT, type ReplayStatus, type ReplayStepReport } from './report.js';

/**
 * A recorded session as the session loop's source of actions: its steps in order, each compared
 * with the page as it is now before it runs (URL path, title, the action's name). A step whose
 * element is gone, or whose text was a redacted secret, is recorded without running. With
 * `onDivergence: 'stop'` the replay ends after the first divergent step; the steps not run are
 * reported as such.
 */
export class TraceSource implements ActionSource {
  readonly reports: ReplayStepReport[] = [];
  private pending: { report: ReplayStepReport; skipped: boolean } | null = null;
  private stoppedAt: number | null = null;

  constructor(
    private readonly recorded: readonly TraceStep[],
    private readonly onDivergence: 'stop' | 'continue',
    private readonly redact: (text: string) => string = (text) => text,
    private readonly onReport?: (report: ReplayStepReport) => void,
  ) {}

  /** The replay stopped at a divergence. */
  get stopped(): boolean {
    return this.stoppedAt !== null;
  }

  next(context: SourceContext): Promise<SourceMove> {
    const recorded = this.recorded[context.index];
    if (!recorded) return Promise.resolve({ kind: 'stop' });
    if (this.stopped) {
      return Promise.resolve({
        kind: 'stop',
        outcome: 'error',
        error: `replay diverged at step ${this.stoppedAt} and stopped (--on-divergence stop)`,
      });
    }
    const current = context.observation;
    const comparison = compareStep(recorded, current);
    const action = recorded.action;
    let status: ReplayStatus = comparison.pageDiffers ? 'page_differs' : 'ok';
    let detail = comparison.pageDiffers;
    let skip: string | null = null;
    if (comparison.nameMissing && action.type !== 'terminate') {
      status = 'name_missing';
      detail = `no element named ${action.name} on this page` + (detail ? `; ${detail}` : '');
      skip = detail;
    } else if (action.type === 'type_and_submit' && action.text === REDACTED) {
      status = 'skipped_redacted';
      detail = 'the recorded text is a redacted secret; it cannot be typed again';
      skip = detail;
    }
    this.pending = {
      skipped: skip !== null,
      report: {
        ...this.base(recorded),
        status,
        detail,
        similar: comparison.similar,
        current_url: this.redact(current.url),
        current_title: this.redact(current.title),
      },
    };
    return Promise.resolve({
      kind: 'act',
      step: {
        action,
        rationale: recorded.rationale,
        rationaleSource: recorded.rationale_source,
        clickType: recorded.click_type,
        skip,
      },
    });
  }

  done(result: StepDone): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const report = pending.report;
    if (result.failed) {
      report.status = 'action_failed';
      report.detail = result.error + (report.detail ? `; ${report.detail}` : '');
    }
    this.reports.push(report);
    this.onReport?.(report);
    if (DIVERGENT.has(report.status) && this.onDivergence === 'stop') this.stoppedAt = report.index;
  }

  /** Every recorded step: the ones that ran, then the ones that did not. */
  report(): ReplayStepReport[] {
    const notRun = this.recorded.slice(this.reports.length).map((recorded): ReplayStepReport => ({
      ...this.base(recorded),
      status: 'not_run',
      detail: null,
      similar: [],
      current_url: null,
      current_title: null,
    }));
    return [...this.reports, ...notRun];
  }

  private base(recorded: TraceStep) {
    return {
      index: recorded.index,
      action: formatAction(recorded.action),
      recorded_url: recorded.url,
      recorded_title: recorded.observation.title,
    };
  }
}
