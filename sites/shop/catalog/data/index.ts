import type { CategorySpec } from '../spec.js';
import { clothing, shoes } from './apparel.js';
import { home, kitchen } from './home.js';
import { beauty, pets, toys } from './misc.js';
import { outdoor, sports } from './outdoor.js';
import { audio, computers } from './tech.js';

/** Every category of the shop, in navigation order. */
export const CATEGORY_SPECS: readonly CategorySpec[] = [
  shoes,
  clothing,
  audio,
  computers,
  kitchen,
  home,
  outdoor,
  sports,
  beauty,
  toys,
  pets,
];
