import type { OptionSpec } from '../spec.js';

/** Option groups shared by several categories. */

export const COLORS = [
  'Black',
  'White',
  'Navy',
  'Charcoal',
  'Olive',
  'Red',
  'Sky Blue',
  'Sand',
  'Forest Green',
  'Burgundy',
  'Slate Grey',
  'Coral',
] as const;

export const color = (min = 2, max = 5): OptionSpec => ({
  name: 'Color',
  values: COLORS,
  count: [min, max],
});

export const shoeSize: OptionSpec = {
  name: 'Size',
  values: ['6', '6.5', '7', '7.5', '8', '8.5', '9', '9.5', '10', '10.5', '11', '12', '13'],
  count: [6, 10],
  contiguous: true,
};

export const apparelSize: OptionSpec = {
  name: 'Size',
  values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  count: [4, 6],
  contiguous: true,
};

export const storage: OptionSpec = {
  name: 'Capacity',
  values: ['128 GB', '256 GB', '512 GB', '1 TB', '2 TB'],
  count: [2, 3],
  contiguous: true,
  step: 10000,
};

export const bedSize: OptionSpec = {
  name: 'Size',
  values: ['Twin', 'Full', 'Queen', 'King', 'California King'],
  count: [3, 5],
  contiguous: true,
  step: 1500,
};

export const volume: OptionSpec = {
  name: 'Size',
  values: ['30 ml', '50 ml', '100 ml', '200 ml', '400 ml'],
  count: [2, 3],
  contiguous: true,
  step: 600,
};
