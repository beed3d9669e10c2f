import { isVariant, VARIANT_LIST, type Variant } from '../../../sites/shop/state/variant.js';
import path from 'node:path';
import { formatAction } from '../../action.js';
import { UsageError } from '../../errors.js';
import { loadPersonaFile } from '../../persona.js';
import { startRecording } from '../../record/record-session.js';
import { withInterrupt } from '../interrupt.js';
import { loadRecipe } from '../../observe/recipe.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { openSite } from '../site.js';

export interface RecordFlags {
  site: string;
  variant?: string;
  persona?: string;
  out?: string;
  headless?: boolean;
  browserPath?: string;
  seed?: string;
  recipe?: string;
  config?: string;
  json?: boolean;
}

export function parseVariant(value: string | undefined): Variant | null {
  if (value === undefined) return null;
  if (!isVariant(value))
    throw new UsageError(`--variant ${value}: unknown variant; use one of ${VARIANT_LIST}.`);
  return value;
}

export async function record(flags: RecordFlags): Promise<void> {
  const variant = parseVariant(flags.variant);
  const config = resolveCommandConfig({ ...flags }).values;
  const persona = flags.persona ? await loadPersonaFile(flags.persona) : null;
  const site = await openSite(flags.site, variant, config.seed);
  // with --json, stdout carries only the final JSON object; what happens meanwhile goes to stderr
  const say = (text: string) => (flags.json ? process.stderr : process.stdout).write(text);
  try {
    const recording = await startRecording({
      startUrl: site.startUrl,
      // "builtin", not its temporary URL: `replay <trace>` starts the bundled shop again
      site: flags.site,
      variant,
      persona,
      recipe: flags.recipe ? await loadRecipe(flags.recipe) : site.recipe,
      headless: flags.headless === true,
      browserPath: config.browserPath,
      out: flags.out ?? null,
      config: { site: flags.site, variant, headless: flags.headless === true, seed: config.seed },
      onStep: (step) => say(`  step ${step.index}: ${formatAction(step.action)}\n`),
    });
    say(
      `Recording into ${path.relative(process.cwd(), recording.file) || recording.file}\n` +
        'Shop in the browser window; close the window (or press Ctrl-C here) to end the session.\n',
    );
    // first Ctrl-C ends the session cleanly; a second one quits at once (the trace stays readable)
    const result = await withInterrupt(
      () => {
        say('Ending the session...\n');
        void recording.stop();
      },
      () => recording.done,
    );
    if (flags.json) {
      const { steps, outcome, orderId, droppedEvents } = result;
      const summary = { file: recording.file, steps, outcome, orderId, droppedEvents };
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      return;
    }
    process.stdout.write(
      `Recorded ${result.steps} steps (outcome ${result.outcome}` +
        (result.orderId ? `, order ${result.orderId}` : '') +
        `${result.droppedEvents ? `, ${result.droppedEvents} clicks on unnamed areas dropped` : ''}).\n` +
        `Trace: ${recording.file}\n`,
    );
  } finally {
    await site.close();
  }
}
