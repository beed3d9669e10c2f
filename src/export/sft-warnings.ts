import type { SftSplitSummary } from './sft.js';
import { SPLIT_NAMES, type SplitFractions, type SplitName } from './sft-split.js';

/**
 * A warning for every empty split file: training needs examples, and a fine-tuning run with an
 * empty validation (or test) file has nothing to measure on. Says why it is empty (its fraction
 * is 0, or too few users to reach it) and what to do.
 */
export function emptySplitWarnings(
  splits: Record<SplitName, SftSplitSummary>,
  fractions: SplitFractions,
): string[] {
  const users = SPLIT_NAMES.reduce((n, s) => n + splits[s].users, 0);
  return SPLIT_NAMES.filter((name) => splits[name].examples === 0).map((name) => {
    const why =
      fractions[name] === 0
        ? `its --split fraction is 0`
        : `none of the ${users} user(s) was drawn into it (fraction ${fractions[name]})`;
    return (
      `the ${name} split is empty (${splits[name].file}): ${why}; ` +
      (name === 'train'
        ? 'nothing to train on, give train a larger --split fraction or more sessions.'
        : `give ${name} a larger --split fraction, another --seed, or more users' sessions.`)
    );
  });
}
