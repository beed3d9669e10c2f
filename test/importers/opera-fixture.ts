import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';

/**
 * A small OPeRA-shaped dataset: four sessions of three users (one without a survey row), rows
 * deliberately out of timestamp order, one scroll, and four malformed rows.
 */

type Row = Record<string, string | null>;

const U1 = '324934a2-5d58-49d9-bae8-545fba660731';
const U2 = '8d1e4c7a-1111-4a0e-9c6b-0a1b2c3d4e5f';
const U3 = 'ffff0000-2222-4bbb-8ccc-123456789abc';
export const USERS = { U1, U2, U3 };

export const SESSION_A = `${U1}_2025-04-14T21:52:46.756000Z_2025-04-14T21:55:50.785000Z`;
export const SESSION_B = `${U1}_2025-04-15T10:00:00.000000Z_2025-04-15T10:05:00.000000Z`;
export const SESSION_C = `${U2}_2025-04-16T08:00:00.000000Z_2025-04-16T08:01:00.000000Z`;
export const SESSION_D = `${U3}_2025-04-17T09:00:00.000000Z_2025-04-17T09:02:00.000000Z`;

function page(title: string, body: string): string {
  return (
    `<html><head><title>${title}</title></head><body>` +
    '<div name="nav_bar" role="navigation"><input name="nav_bar.search_input" type="text" ' +
    'placeholder="Search Amazon"><input type="submit" name="nav_bar.search_button" value="Go">' +
    `</div>${body}</body></html>`
  );
}

const HOME = page('Amazon.com', '<a name="home.deals_link" href="/deals">Today&#39;s Deals</a>');
const RESULTS = page(
  'Amazon.com : rice cooker',
  '<ul name="search_results"><li><a name="search_results.item_1.title_link" href="/dp/B01">' +
    'Tiger 10-Cup Rice Cooker</a></li><li><a name="search_results.item_2.title_link" ' +
    'href="/dp/B02">Zojirushi Rice Cooker</a></li></ul>',
);
const PRODUCT = page(
  'Tiger 10-Cup Rice Cooker',
  '<h1>Tiger 10-Cup Rice Cooker</h1><button name="product.add_to_cart">Add to Cart</button>' +
    '<button name="product.buy_now">Buy Now</button>',
);

function row(
  session: string | null,
  timestamp: string | null,
  type: string | null,
  fields: Partial<Row> = {},
): Row {
  return {
    session_id: session,
    action_id: fields.action_id ?? null,
    timestamp,
    action_type: type,
    click_type: fields.click_type ?? null,
    semantic_id: fields.semantic_id ?? null,
    input_text: fields.input_text ?? null,
    url: fields.url ?? 'https://www.amazon.com/',
    simplified_html: fields.simplified_html ?? HOME,
    rationale: fields.rationale ?? null,
    image: fields.image ?? null,
  };
}

/** The action table, in file order. Row numbers (1-based) are what issues report. */
export function actionRows(): Row[] {
  const rows = [
    // session A, rows out of order: step 2 (product click) comes first in the file
    row(SESSION_A, '2025-04-14T21:53:20.000Z', 'click', {
      semantic_id: 'search_results.item_1.title_link',
      click_type: 'product_link',
      url: 'https://www.amazon.com/s?k=rice+cooker',
      simplified_html: RESULTS,
      rationale: 'It has the best reviews and fits my budget.',
      image: '12.png',
    }),
    row(SESSION_A, '2025-04-14T21:52:57.792Z', 'input', {
      semantic_id: 'nav_bar.search_input',
      input_text: 'rice cooker',
      click_type: 'search',
    }),
    row(SESSION_A, '2025-04-14T21:53:10.000Z', 'scroll', {
      url: 'https://www.amazon.com/s?k=rice+cooker',
      simplified_html: RESULTS,
    }),
    row(SESSION_A, '2025-04-14T21:54:00.000Z', 'click', {
      semantic_id: 'product.buy_now',
      click_type: 'purchase',
      url: 'https://www.amazon.com/dp/B01',
      simplified_html: PRODUCT,
    }),
    row(SESSION_A, '2025-04-14T21:55:50.000Z', 'terminate', {
      url: 'https://www.amazon.com/dp/B01',
    }),
    // row 6..9: malformed
    row(null, '2025-04-14T21:55:51.000Z', 'click', { semantic_id: 'nav_bar.search_button' }),
    row(SESSION_B, '2025-04-15T10:00:30.000Z', 'hover', { semantic_id: 'home.deals_link' }),
    row(SESSION_B, '2025-04-15T10:00:40.000Z', 'click', { click_type: 'other' }),
    row(SESSION_B, 'yesterday', 'click', { semantic_id: 'home.deals_link' }),
    // session B: a purchase click, then more browsing without a terminate row
    row(SESSION_B, '2025-04-15T10:01:00.000Z', 'click', {
      semantic_id: 'home.deals_link',
      click_type: 'page_related',
    }),
    row(SESSION_B, '2025-04-15T10:02:00.000Z', 'click', {
      semantic_id: 'product.add_to_cart',
      click_type: 'purchase',
      url: 'https://www.amazon.com/dp/B01',
      simplified_html: PRODUCT,
    }),
    row(SESSION_B, '2025-04-15T10:03:00.000Z', 'input', {
      semantic_id: 'nav_bar.search_input',
      input_text: 'Rice Paddle',
      click_type: 'search',
    }),
    // session C: ends in a purchase click without a terminate row
    row(SESSION_C, '2025-04-16T08:00:10.000Z', 'click', {
      semantic_id: 'product.buy_now',
      click_type: 'purchase',
      url: 'https://www.amazon.com/dp/B01',
      simplified_html: PRODUCT,
    }),
    // session D: user without a survey row
    row(SESSION_D, '2025-04-17T09:00:05.000Z', 'terminate'),
  ];
  return rows.map((r, i) => ({ ...r, action_id: `act-${i + 1}` }));
}

export const MALFORMED_ROWS = [
  { row: 6, problem: /missing session_id/ },
  { row: 7, problem: /unknown action_type "hover"/ },
  { row: 8, problem: /click without semantic_id/ },
  { row: 9, problem: /bad timestamp "yesterday"/ },
];

export function sessionRows(): Row[] {
  return [SESSION_A, SESSION_B, SESSION_C, SESSION_D].map((s) => ({
    session_id: s,
    user_id: s.split('_')[0]!,
  }));
}

export function userRows(): Row[] {
  return [
    {
      user_id: U1,
      survey: JSON.stringify({
        age: '25-34',
        gender: 'Female',
        household_income: '$50,000 - $74,999',
        location: 'Boston, MA',
        shopping_frequency: 'Weekly',
        what_matters_when_shopping_online: 'A good price and deals; I always read reviews first',
        favorite_brands: 'Zojirushi, Tiger',
      }),
    },
    {
      user_id: U2,
      survey: JSON.stringify([
        { question: 'How old are you?', answer: 58 },
        { question: 'What is your gender?', answer: 'Male' },
        { question: 'Annual income', answer: 'Over $150k' },
        { question: 'Which state do you live in?', answer: 'Texas' },
        {
          question: 'How do you decide what to buy online?',
          answer: 'I buy quickly, quality over price',
        },
      ]),
    },
  ];
}

const COLUMNS = {
  action: Object.keys(actionRows()[0]!),
  session: ['session_id', 'user_id'],
  user: ['user_id', 'survey'],
};

function toParquet(file: string, rows: Row[], columns: string[]): void {
  parquetWriteFile({
    filename: file,
    columnData: columns.map((name) => ({
      name,
      data: rows.map((r) => r[name] ?? null),
      type: 'STRING',
    })),
  });
}

/** Writes the dataset in the published layout (`action/train-00000.parquet`, ...) or as JSONL. */
export async function writeOperaDataset(dir: string, format: 'parquet' | 'jsonl'): Promise<void> {
  const tables = { action: actionRows(), session: sessionRows(), user: userRows() };
  for (const [kind, rows] of Object.entries(tables) as [keyof typeof tables, Row[]][]) {
    if (format === 'parquet') {
      const folder = path.join(dir, 'OPeRA_filtered', kind, 'train');
      await mkdir(folder, { recursive: true });
      toParquet(path.join(folder, 'train-00000-of-00001.parquet'), rows, COLUMNS[kind]);
    } else {
      await mkdir(dir, { recursive: true });
      await writeFile(
        path.join(dir, `${kind}.jsonl`),
        rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
      );
    }
  }
}
