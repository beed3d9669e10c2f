import type { CategorySpec } from '../spec.js';
import { color } from './options.js';

export const outdoor: CategorySpec = {
  slug: 'outdoor',
  name: 'Outdoor & Camping',
  blurb: 'Tents, backpacks, sleeping bags and camp kitchens.',
  count: 32,
  brands: ['Tundra Peak', 'Wildgrove', 'Summit Supply', 'Basecamp Outfitters', 'Kestrel'],
  types: [
    {
      noun: 'Backpacking Tent',
      lines: ['Trailhead', 'Featherlite', 'Stormhaven', 'Meadow'],
      model: 'num',
      attrs: ['Freestanding', 'Ultralight', '3-Season', 'Easy Setup'],
      price: [79, 399],
      options: [
        {
          name: 'Capacity',
          values: ['1-Person', '2-Person', '3-Person', '4-Person'],
          count: [2, 3],
          contiguous: true,
          step: 4000,
        },
        color(1, 2),
      ],
      features: [
        'Sets up in under five minutes with colour-coded clips',
        'Full-coverage rainfly with taped seams',
        'Two doors and two vestibules for gear',
        'Packs down small with compression straps',
      ],
    },
    {
      noun: 'Hiking Backpack',
      lines: ['Daypack', 'Ridge', 'Trekker', 'Canyon'],
      model: 'none',
      attrs: ['Rain Cover Included', 'Hydration Compatible', 'Ventilated Back Panel'],
      price: [39, 249],
      options: [
        {
          name: 'Capacity',
          values: ['20 L', '28 L', '38 L', '48 L', '65 L'],
          count: [2, 3],
          contiguous: true,
          step: 2500,
        },
        color(2, 4),
      ],
      features: [
        'Ventilated mesh back panel keeps you cool',
        'Padded hip belt with zip pockets',
        'Hydration sleeve fits a 3 L reservoir',
        'Integrated rain cover in the bottom pocket',
      ],
    },
    {
      noun: 'Sleeping Bag',
      lines: ['Nightfall', 'Polar', 'Ember'],
      model: 'none',
      attrs: ['20°F', 'Down Fill', 'Mummy Shape', 'Compressible'],
      price: [45, 299],
      options: [
        { name: 'Size', values: ['Regular', 'Long'], count: [1, 2], contiguous: true, step: 2000 },
        color(1, 3),
      ],
      features: [
        'Rated comfortable down to 20°F',
        'Draft collar and contoured hood',
        'Compression sack included',
      ],
    },
  ],
  praise: [
    'Survived a night of heavy rain without a drop inside.',
    'Light enough for long trips and packs small.',
    'Well thought out pockets and straps.',
    'Sturdy zippers and solid stitching.',
    'Great value compared to the big names.',
  ],
  complaints: [
    'Heavier than the listed weight.',
    'The stakes bent on rocky ground.',
    'Condensation built up inside overnight.',
    'The zipper snags on the fabric.',
    'Straps dig into my shoulders on long hikes.',
  ],
};

export const sports: CategorySpec = {
  slug: 'sports',
  name: 'Sports & Fitness',
  blurb: 'Yoga mats, dumbbells, bikes and gear.',
  count: 28,
  brands: ['Ironvale', 'Flexora', 'Velo Athletics', 'CoreMotion', 'Peakform'],
  types: [
    {
      noun: 'Yoga Mat',
      lines: ['Balance', 'Grounded', 'Lotus'],
      model: 'none',
      attrs: ['Non-Slip', '6 mm Thick', 'Eco TPE', 'With Carrying Strap'],
      price: [19, 89],
      options: [color(3, 5)],
      features: [
        'Non-slip texture on both sides',
        'Cushioned for knees and wrists',
        'Free of PVC and latex',
        'Alignment lines help with posture',
      ],
    },
    {
      noun: 'Adjustable Dumbbell',
      lines: ['PowerBlock', 'Quickset', 'Forge'],
      model: 'none',
      attrs: ['Single', 'Quick-Change Dial', 'Space Saving'],
      price: [59, 349],
      options: [
        {
          name: 'Weight',
          values: ['25 lb', '52.5 lb', '70 lb', '90 lb'],
          count: [2, 3],
          contiguous: true,
          step: 5000,
        },
      ],
      features: [
        'Replaces a full rack of dumbbells',
        'Turn the dial to change weight in seconds',
        'Durable moulded trays',
      ],
    },
    {
      noun: 'Resistance Bands Set',
      lines: ['Loop', 'Tension', 'Anywhere'],
      model: 'none',
      attrs: ['5 Levels', 'With Handles', 'Door Anchor'],
      price: [12, 49],
      options: [],
      features: [
        'Five resistance levels from extra light to extra heavy',
        'Cushioned handles and ankle straps',
        'Travel bag included',
      ],
    },
  ],
  praise: [
    'Solid quality, perfect for home workouts.',
    'Does not slip even when I sweat.',
    'Compact enough for my small apartment.',
    'Exactly the resistance I needed.',
    'Great for beginners and experienced athletes alike.',
  ],
  complaints: [
    'Has a strong rubber smell at first.',
    'Started to wear out after a few months.',
    'The markings rubbed off quickly.',
    'Heavier to move around than expected.',
    'The dial sometimes sticks.',
  ],
};
