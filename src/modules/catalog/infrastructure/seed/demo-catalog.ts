import { slugify } from '../../domain/slug';

/** A small, seeded PRNG (mulberry32): the same seed gives the same catalog on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface CategorySpec {
  readonly name: string;
  readonly nouns: readonly string[];
  readonly materials: readonly string[];
  readonly options: readonly string[];
  /** Price range in cents. */
  readonly price: readonly [number, number];
}

export const DEMO_CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'Kitchen',
    nouns: ['Kettle', 'Skillet', 'Chef Knife', 'Cutting Board', 'Teapot', 'Saucepan', 'Mixing Bowl'],
    materials: ['Cast Iron', 'Enamel', 'Stainless Steel', 'Walnut', 'Ceramic', 'Copper'],
    options: ['Small', 'Medium', 'Large'],
    price: [1200, 18900],
  },
  {
    name: 'Apparel',
    nouns: ['T-Shirt', 'Hoodie', 'Rain Jacket', 'Chinos', 'Wool Sweater', 'Denim Shirt', 'Beanie'],
    materials: ['Organic Cotton', 'Merino', 'Linen', 'Recycled Nylon', 'Denim', 'Fleece'],
    options: ['XS', 'S', 'M', 'L', 'XL'],
    price: [1500, 24900],
  },
  {
    name: 'Footwear',
    nouns: ['Running Shoe', 'Trail Boot', 'Sneaker', 'Sandal', 'Loafer', 'Slipper'],
    materials: ['Leather', 'Suede', 'Canvas', 'Knit', 'Cork'],
    options: ['40', '41', '42', '43', '44', '45'],
    price: [2900, 21900],
  },
  {
    name: 'Outdoor',
    nouns: ['Tent', 'Sleeping Bag', 'Daypack', 'Headlamp', 'Camp Stove', 'Water Bottle', 'Hammock'],
    materials: ['Ultralight', 'Ripstop', 'Titanium', 'Aluminium', 'Waxed Canvas'],
    options: ['1 Person', '2 Person', '20 L', '30 L'],
    price: [900, 59900],
  },
  {
    name: 'Home',
    nouns: ['Throw Blanket', 'Cushion', 'Table Lamp', 'Vase', 'Wall Clock', 'Candle', 'Rug'],
    materials: ['Wool', 'Linen', 'Brass', 'Stoneware', 'Oak', 'Rattan'],
    options: ['Natural', 'Charcoal', 'Sage', 'Rust'],
    price: [1400, 39900],
  },
  {
    name: 'Electronics',
    nouns: ['Headphones', 'Bluetooth Speaker', 'Power Bank', 'Keyboard', 'Webcam', 'Smart Plug'],
    materials: ['Wireless', 'Noise-Cancelling', 'Compact', 'Mechanical', 'Portable'],
    options: ['Black', 'White', 'Graphite'],
    price: [1900, 34900],
  },
  {
    name: 'Books',
    nouns: ['Cookbook', 'Field Guide', 'Novel', 'Atlas', 'Sketchbook', 'Journal'],
    materials: ['Hardcover', 'Paperback', 'Illustrated', 'Pocket', 'Collector'],
    options: ['Standard'],
    price: [800, 6900],
  },
  {
    name: 'Toys',
    nouns: ['Building Set', 'Puzzle', 'Plush Bear', 'Wooden Train', 'Kite', 'Board Game'],
    materials: ['Wooden', 'Classic', 'Deluxe', 'Magnetic', 'Glow-in-the-Dark'],
    options: ['Standard', 'Deluxe'],
    price: [700, 12900],
  },
  {
    name: 'Beauty',
    nouns: ['Face Cream', 'Shampoo Bar', 'Lip Balm', 'Hand Soap', 'Body Oil', 'Perfume'],
    materials: ['Lavender', 'Citrus', 'Unscented', 'Rose', 'Cedar'],
    options: ['50 ml', '100 ml', '250 ml'],
    price: [500, 8900],
  },
  {
    name: 'Garden',
    nouns: ['Watering Can', 'Pruning Shears', 'Planter', 'Seed Kit', 'Garden Gloves', 'Bird Feeder'],
    materials: ['Galvanized', 'Terracotta', 'Bamboo', 'Forged Steel', 'Recycled'],
    options: ['Small', 'Large'],
    price: [600, 9900],
  },
];

const ADJECTIVES = [
  'Classic',
  'Everyday',
  'Heritage',
  'Nordic',
  'Urban',
  'Alpine',
  'Coastal',
  'Studio',
  'Field',
  'Essential',
  'Midnight',
  'Harbor',
  'Summit',
  'Meadow',
];
const PRAISE = [
  'Built to last',
  'Designed in Lisbon',
  'Made in small batches',
  'Loved by our customers',
  'A quiet classic',
  'Tested in the field',
];
const DETAILS = [
  'easy to clean',
  'backed by a two-year warranty',
  'shipped in plastic-free packaging',
  'made to be repaired',
  'light enough to carry every day',
  'finished by hand',
];

export interface DemoProduct {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly images: string[];
  readonly categoryIndex: number;
  readonly variants: { sku: string; title: string; amount: number; onHand: number }[];
}

/** The `index`-th demo product (deterministic: it depends only on the index). */
export function demoProduct(index: number): DemoProduct {
  const next = random(index * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const categoryIndex = index % DEMO_CATEGORIES.length;
  const category = DEMO_CATEGORIES[categoryIndex];
  const noun = pick(category.nouns);
  const material = pick(category.materials);
  const title = `${pick(ADJECTIVES)} ${material} ${noun}`;
  const [low, high] = category.price;
  const base = Math.round((low + next() * (high - low)) / 100) * 100 - 1;
  const variantCount = Math.min(category.options.length, 1 + Math.floor(next() * 3));
  const start = Math.floor(next() * category.options.length);
  const variants = Array.from({ length: variantCount }, (_, n) => ({
    sku: `${category.name.slice(0, 3).toUpperCase()}-${index.toString(36).toUpperCase()}-${n + 1}`,
    title: category.options[(start + n) % category.options.length],
    amount: base + n * 500,
    onHand: next() < 0.1 ? 0 : Math.floor(next() * 60),
  }));
  const first = Math.floor(next() * DETAILS.length);
  return {
    slug: `${slugify(title)}-${index.toString(36)}`,
    title,
    description: `${pick(PRAISE)}: ${/^[aeiou]/i.test(material) ? 'an' : 'a'} ${material.toLowerCase()} ${noun.toLowerCase()}, ${DETAILS[first]} and ${DETAILS[(first + 1 + Math.floor(next() * (DETAILS.length - 1))) % DETAILS.length]}.`,
    images: [`https://picsum.photos/seed/arcade-${index}/800/800`],
    categoryIndex,
    variants,
  };
}
