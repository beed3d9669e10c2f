import { modelOptionsOf, type Config } from '../config.js';
import { cacheSummary, type CacheSummary } from '../cost/cache-savings.js';
import { priceOf } from '../cost/prices.js';
import { AnswerCache } from '../models/answer-cache.js';
import { cachedSimulator } from '../models/cached-chat.js';
import type { SimulatorModel } from '../models/model.js';
import type { ExchangeObserver } from '../models/observed-chat.js';
import { createModel, isPerSessionModel } from '../models/spec.js';

/** What a run tells the user about its models: --verbose exchanges, and warnings. */
export interface ModelEvents {
  onExchange?: ExchangeObserver;
  onWarning?: (message: string) => void;
}

/**
 * The models of one run's sessions (`simulate` and `ab`): one model shared by every session
 * (openai, llama), answering through the --cache folder when there is one, or a new instance per
 * session seeded with the session's seed (heuristic, random, scripted: free and deterministic,
 * never cached). --verbose sees every exchange, cache hits included.
 */
export class SessionModels {
  private constructor(
    private readonly config: Config,
    private readonly shared: SimulatorModel | null,
    readonly cache: AnswerCache | null,
    private readonly onExchange: ExchangeObserver | undefined,
  ) {}

  /**
   * Creates the run's model once up front even when each session gets its own, so a bad spec or
   * script file is reported before any browser starts; opens the cache folder.
   */
  static async open(config: Config, events: ModelEvents = {}): Promise<SessionModels> {
    const perSession = isPerSessionModel(config.model);
    const first = await createModel(config.model, {
      ...modelOptionsOf(config),
      seed: config.seed,
      onExchange: events.onExchange,
    });
    if (perSession) await first.close();
    const cache = config.cache ? await AnswerCache.open(config.cache) : null;
    if (cache && perSession) {
      events.onWarning?.(
        `--cache stores the answers of openai and llama models; ${config.model} is not cached ` +
          '(it costs nothing and repeats its answers with the same --seed).',
      );
    }
    return new SessionModels(config, perSession ? null : first, cache, events.onExchange);
  }

  /**
   * The model of one session. `session` keys its cached answers (two sessions asking the same
   * thing keep their own answers, as without the cache); the origin of `startUrl` is keyed as
   * "<site>", since the bundled shop gets a new port every run and the answers do not depend on it.
   */
  async forSession(seed: number, session: string, startUrl: string): Promise<SimulatorModel> {
    if (!this.shared) {
      return createModel(this.config.model, {
        ...modelOptionsOf(this.config),
        seed,
        onExchange: this.onExchange,
      });
    }
    if (!this.cache) return this.shared;
    const origin = new URL(startUrl).origin;
    const cached = cachedSimulator(this.shared, this.cache, {
      seed: this.config.seed,
      session,
      normalize: origin === 'null' ? undefined : (text) => text.split(origin).join('<site>'),
      onExchange: this.onExchange,
    });
    return cached ?? this.shared;
  }

  /** Ends a session's model; the shared one stays open until `close`. */
  async release(model: SimulatorModel): Promise<void> {
    if (!this.shared) await model.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.shared?.close().catch(() => undefined);
  }

  /** What the cache did for the run so far, priced at the run's model price; null without one. */
  cacheSummary(): CacheSummary | null {
    if (!this.cache) return null;
    const price = priceOf(this.config.model, this.config.prices);
    return cacheSummary(this.cache.dir, this.cache.stats, price);
  }
}
