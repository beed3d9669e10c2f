import type { CategorySpec } from '../spec.js';
import { color, volume } from './options.js';

export const beauty: CategorySpec = {
  slug: 'beauty',
  name: 'Beauty & Personal Care',
  blurb: 'Skincare, hair care and grooming.',
  count: 26,
  brands: ['Glowhaus', 'Verdant Botanics', 'Pure Petal', 'Maison Claire'],
  types: [
    {
      noun: 'Face Moisturizer',
      lines: ['Hydra Boost', 'Daily Dew', 'Barrier Repair'],
      model: 'none',
      attrs: ['SPF 30', 'Hyaluronic Acid', 'Fragrance Free', 'For Sensitive Skin'],
      price: [9, 59],
      options: [volume],
      features: [
        'Lightweight gel-cream absorbs quickly',
        'Dermatologist tested and non-comedogenic',
        'Hyaluronic acid and ceramides lock in moisture',
      ],
    },
    {
      noun: 'Shampoo',
      lines: ['Argan Silk', 'Tea Tree Clarify', 'Volume Lift'],
      model: 'none',
      attrs: ['Sulfate Free', 'For Curly Hair', 'Color Safe'],
      price: [7, 32],
      options: [volume],
      features: [
        'Gentle sulfate-free formula',
        'Safe for colour-treated hair',
        'Lightly scented with natural oils',
      ],
    },
    {
      noun: 'Electric Toothbrush',
      lines: ['Sonic Clean', 'Bright Smile'],
      model: 'num',
      attrs: ['4 Modes', '2-Minute Timer', 'Travel Case'],
      price: [24, 129],
      options: [color(2, 3)],
      features: [
        '40,000 sonic strokes per minute',
        'Pressure sensor protects your gums',
        'Battery lasts three weeks on a charge',
      ],
    },
  ],
  praise: [
    'My skin feels smoother after a week.',
    'A little goes a long way.',
    'Gentle and does not irritate my sensitive skin.',
    'Smells lovely without being overpowering.',
    'I will definitely repurchase.',
  ],
  complaints: [
    'The bottle is smaller than it looks.',
    'Broke me out, unfortunately.',
    'The pump stopped working halfway through.',
    'Did not notice much of a difference.',
    'The scent is stronger than I like.',
  ],
};

export const toys: CategorySpec = {
  slug: 'toys',
  name: 'Toys & Games',
  blurb: 'Building sets, board games and puzzles.',
  count: 20,
  brands: ['Brickwise', 'Tumble & Twirl', 'Meeple House', 'Puzzlecraft'],
  types: [
    {
      noun: 'Building Set',
      lines: ['City Builders', 'Space Explorer', 'Castle Quest'],
      model: 'num',
      attrs: ['500 Pieces', 'Ages 8+', 'Compatible with Major Brands'],
      price: [19, 129],
      options: [],
      features: [
        'Clear step-by-step instructions',
        'Bricks compatible with major brands',
        'Encourages creativity and problem solving',
      ],
    },
    {
      noun: 'Board Game',
      lines: ['Harbor Traders', 'Dragon Draft', 'Island Rails', 'Kingdoms'],
      model: 'none',
      attrs: ['2-4 Players', 'Family Strategy Game', '45 Minutes'],
      price: [19, 69],
      options: [],
      features: [
        'Easy to learn, deep to master',
        'Plays in about 45 minutes',
        'Beautifully illustrated components',
      ],
    },
    {
      noun: 'Jigsaw Puzzle',
      lines: ['Alpine Lake', 'Night Market', 'Garden Party'],
      model: 'none',
      attrs: ['1000 Pieces', 'Poster Included'],
      price: [12, 34],
      options: [],
      features: [
        'Thick, precision-cut pieces that fit snugly',
        'Reference poster in the box',
        'Made from recycled board',
      ],
    },
  ],
  praise: [
    'My kids played with it for hours.',
    'Great quality pieces and fun for the whole family.',
    'Perfect gift, arrived well packaged.',
    'Clear instructions, easy to get started.',
    'Lots of replay value.',
  ],
  complaints: [
    'A couple of pieces were missing.',
    'The box was crushed on arrival.',
    'Too easy for the recommended age.',
    'Rules are confusing at first.',
    'Smaller than it looks in the photos.',
  ],
};

export const pets: CategorySpec = {
  slug: 'pets',
  name: 'Pet Supplies',
  blurb: 'Food, beds and toys for dogs and cats.',
  count: 26,
  brands: ['Happy Paws', 'Wildpath Pet', 'Furfield', 'Barkley & Co.'],
  types: [
    {
      noun: 'Dry Dog Food',
      lines: ['Grain Free Recipe', 'Healthy Weight', 'Puppy Formula'],
      model: 'none',
      attrs: ['Real Chicken First', 'High Protein', 'No Fillers'],
      price: [18, 79],
      options: [
        {
          name: 'Size',
          values: ['4 lb', '12 lb', '24 lb', '30 lb'],
          count: [2, 3],
          contiguous: true,
          step: 1800,
        },
        { name: 'Flavor', values: ['Chicken', 'Salmon', 'Lamb', 'Beef'], count: [1, 3] },
      ],
      features: [
        'Real meat is the first ingredient',
        'No corn, wheat or soy',
        'Omega fatty acids for a shiny coat',
      ],
    },
    {
      noun: 'Orthopedic Dog Bed',
      lines: ['Snooze', 'Cloud Nest', 'Den'],
      model: 'none',
      attrs: ['Memory Foam', 'Washable Cover', 'Non-Skid Bottom'],
      price: [29, 129],
      options: [
        {
          name: 'Size',
          values: ['Small', 'Medium', 'Large', 'X-Large'],
          count: [3, 4],
          contiguous: true,
          step: 1500,
        },
        color(2, 3),
      ],
      features: [
        'Supportive memory foam for joints',
        'Removable, machine-washable cover',
        'Raised bolsters for dogs who like to lean',
      ],
    },
    {
      noun: 'Cat Scratching Post',
      lines: ['Sisal Tower', 'Kitty Perch'],
      model: 'none',
      attrs: ['32 Inch', 'With Dangling Toy', 'Sturdy Base'],
      price: [19, 69],
      options: [color(1, 2)],
      features: ['Natural sisal rope', 'Heavy base does not tip over', 'Easy assembly'],
    },
  ],
  praise: [
    'My dog loves it and gets excited every time.',
    'Our cat took to it right away.',
    'Good quality for the price.',
    'Held up to a very enthusiastic puppy.',
    'Vet recommended and it shows.',
  ],
  complaints: [
    'My picky eater would not touch it.',
    'The cover ripped after a few weeks.',
    'Smaller than the listed size.',
    'The bag arrived torn.',
    'Wobbles a bit on carpet.',
  ],
};
