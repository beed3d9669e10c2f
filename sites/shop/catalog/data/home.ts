import type { CategorySpec } from '../spec.js';
import { bedSize, color } from './options.js';

export const kitchen: CategorySpec = {
  slug: 'kitchen',
  name: 'Kitchen',
  blurb: 'Coffee makers, blenders, cookware and knives.',
  count: 36,
  brands: ['Copperleaf', 'Hearthstone', 'Brewhaus', 'Saltmarsh Kitchen', 'Ironvale'],
  types: [
    {
      noun: 'Drip Coffee Maker',
      lines: ['Morning Ritual', 'Brewmaster', 'Daily Grind'],
      model: 'num',
      attrs: ['12-Cup', 'Programmable', 'Thermal Carafe', 'Built-In Grinder'],
      price: [29, 199],
      options: [color(1, 3)],
      features: [
        'Brews a full carafe in under ten minutes',
        '24-hour programmable start',
        'Keeps coffee hot for hours without burning it',
        'Removable water tank with a clear level window',
      ],
    },
    {
      noun: 'Blender',
      lines: ['Vortex', 'Smoothie Pro', 'Crush'],
      model: 'code',
      attrs: ['1200 W', 'Glass Jar', 'Personal Size', '6 Speeds'],
      price: [34, 249],
      options: [
        color(1, 3),
        { name: 'Capacity', values: ['0.6 L', '1.5 L', '2 L'], count: [1, 2], step: 2000 },
      ],
      features: [
        'Stainless steel blades crush ice in seconds',
        'Dishwasher-safe jar and lid',
        'Pulse and preset programs for smoothies and soups',
        'Non-slip suction feet',
      ],
    },
    {
      noun: 'Nonstick Frying Pan',
      lines: ['Everyday Pan', 'Chef Series', 'Ceramic Pro'],
      model: 'none',
      attrs: ['PFOA-Free', 'Induction Ready', 'Oven Safe to 500°F'],
      price: [19, 89],
      options: [
        {
          name: 'Size',
          values: ['8 inch', '10 inch', '12 inch'],
          count: [2, 3],
          contiguous: true,
          step: 800,
        },
        color(1, 2),
      ],
      features: [
        'Ceramic nonstick coating releases eggs without oil',
        'Heavy-gauge aluminium heats evenly',
        'Stay-cool stainless handle',
        'Works on gas, electric and induction',
      ],
    },
    {
      noun: "Chef's Knife",
      lines: ['Santoku', 'Damascus', 'Classic Forged'],
      model: 'none',
      attrs: ['8 Inch', 'High-Carbon Steel', 'Ergonomic Handle'],
      price: [24, 159],
      options: [],
      features: [
        'Razor-sharp high-carbon stainless blade',
        'Full tang for balance and control',
        'Comes with a protective sheath',
      ],
    },
  ],
  praise: [
    'Easy to clean and looks great on the counter.',
    'Works exactly as described, very happy.',
    'Sturdy and well made, it feels like it will last years.',
    'Makes my mornings so much easier.',
    'Heats evenly and nothing sticks.',
  ],
  complaints: [
    'Louder than I expected.',
    'The coating scratched within weeks.',
    'Instructions were confusing.',
    'Takes up more counter space than I thought.',
    'The lid does not fit tightly.',
  ],
};

export const home: CategorySpec = {
  slug: 'home',
  name: 'Home & Bedding',
  blurb: 'Sheets, pillows, lamps and towels.',
  count: 30,
  brands: ['Linenly', 'Driftwood Home', 'Moonhaven', 'Casa Verde', 'Hearthstone'],
  types: [
    {
      noun: 'Sheet Set',
      lines: ['Cloud Percale', 'Sateen Luxe', 'Linen Breeze'],
      model: 'none',
      attrs: ['400 Thread Count', 'Deep Pocket', 'Cooling', '100% Cotton'],
      price: [39, 169],
      options: [bedSize, color(3, 5)],
      features: [
        'Fitted sheet with 16-inch deep pockets',
        'Breathable long-staple cotton',
        'Gets softer with every wash',
        'Set includes flat sheet, fitted sheet and two pillowcases',
      ],
    },
    {
      noun: 'Pillow',
      lines: ['Dreamloft', 'Side Sleeper', 'Memory Cloud'],
      model: 'none',
      attrs: ['Set of 2', 'Shredded Memory Foam', 'Hypoallergenic'],
      price: [29, 99],
      options: [
        {
          name: 'Size',
          values: ['Standard', 'Queen', 'King'],
          count: [2, 3],
          contiguous: true,
          step: 1000,
        },
      ],
      features: [
        'Adjustable fill lets you choose your loft',
        'Removable, washable cover',
        'Stays cool through the night',
      ],
    },
    {
      noun: 'LED Table Lamp',
      lines: ['Halo', 'Arc', 'Lumen'],
      model: 'none',
      attrs: ['Dimmable', 'USB Charging Port', 'Touch Control'],
      price: [22, 89],
      options: [color(2, 3)],
      features: [
        'Three colour temperatures and stepless dimming',
        'Built-in USB-C charging port',
        'Energy-efficient LED lasts 25,000 hours',
      ],
    },
  ],
  praise: [
    'So soft, I sleep much better now.',
    'The quality is better than the expensive brand I had before.',
    'Looks elegant in our bedroom.',
    'Washed well without pilling.',
    'Exactly as pictured.',
  ],
  complaints: [
    'Wrinkles easily out of the dryer.',
    'The color was a little off from the photo.',
    'Had a chemical smell at first.',
    'Thinner than I hoped.',
    'The packaging was damaged on arrival.',
  ],
};
