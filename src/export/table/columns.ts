/** The cell types of the flat tables, as Parquet and CSV write them. */
export type CellType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** One column: its name, its type, and what it holds (for the README and the schema file). */
export interface Column {
  name: string;
  type: CellType;
}

/** A table ready to write: its columns in order, and its rows keyed by column name. */
export interface Table {
  name: string;
  columns: readonly Column[];
  rows: Row[];
}

const col = (name: string, type: CellType): Column => ({ name, type });

/** Fields of the trace header, joined into both tables. */
const HEADER_COLUMNS = [
  col('session_id', 'STRING'),
  col('run_id', 'STRING'),
  col('source', 'STRING'),
  col('dataset', 'STRING'),
  col('user_id', 'STRING'),
  col('persona_id', 'STRING'),
  col('site', 'STRING'),
  col('variant', 'STRING'),
  col('model', 'STRING'),
  col('seed', 'DOUBLE'),
];

/** One row per session. */
export const SESSION_COLUMNS: readonly Column[] = [
  ...HEADER_COLUMNS,
  col('persona_name', 'STRING'),
  col('started_at', 'STRING'),
  col('shopsim_version', 'STRING'),
  col('replay_of_session_id', 'STRING'),
  col('file', 'STRING'),
  col('outcome', 'STRING'),
  col('purchased', 'BOOLEAN'),
  col('steps', 'INT32'),
  col('failed_steps', 'INT32'),
  col('steps_with_rationale', 'INT32'),
  col('duration_ms', 'DOUBLE'),
  col('error', 'STRING'),
  col('order_id', 'STRING'),
  col('dropped_events', 'INT32'),
  col('prompt_tokens', 'DOUBLE'),
  col('completion_tokens', 'DOUBLE'),
  col('model_latency_ms', 'DOUBLE'),
  col('model_calls', 'INT32'),
];

/** One row per step; the page is summarised by its size unless the HTML is asked for. */
export const STEP_COLUMNS: readonly Column[] = [
  ...HEADER_COLUMNS,
  col('outcome', 'STRING'),
  col('step_index', 'INT32'),
  col('time', 'STRING'),
  col('url', 'STRING'),
  col('page_title', 'STRING'),
  col('action_type', 'STRING'),
  col('action_name', 'STRING'),
  col('action_text', 'STRING'),
  col('rationale', 'STRING'),
  col('rationale_source', 'STRING'),
  col('click_type', 'STRING'),
  col('result_ok', 'BOOLEAN'),
  col('result_error', 'STRING'),
  col('url_after', 'STRING'),
  col('execute_ms', 'DOUBLE'),
  col('settle_ms', 'DOUBLE'),
  col('prompt_tokens', 'DOUBLE'),
  col('completion_tokens', 'DOUBLE'),
  col('model_latency_ms', 'DOUBLE'),
  col('model_calls', 'INT32'),
  col('screenshot', 'STRING'),
  col('observation_elements', 'INT32'),
  col('observation_bytes', 'INT32'),
  col('observation_tokens', 'INT32'),
];

/** The extra step column of `--with-html`: the simplified page the shopper saw. */
export const HTML_COLUMN = col('observation_html', 'STRING');
