import { z } from 'zod';

/** Click the element with this semantic name. */
export const ClickAction = z.object({
  type: z.literal('click'),
  name: z.string().min(1),
});
export type ClickAction = z.infer<typeof ClickAction>;

/** Type text into the named input (after clearing it) and press Enter. */
export const TypeAndSubmitAction = z.object({
  type: z.literal('type_and_submit'),
  name: z.string().min(1),
  text: z.string(),
});
export type TypeAndSubmitAction = z.infer<typeof TypeAndSubmitAction>;

/** The shopper leaves (closes the tab). */
export const TerminateAction = z.object({
  type: z.literal('terminate'),
});
export type TerminateAction = z.infer<typeof TerminateAction>;

/** The one action union used by models, the executor, traces and evaluation. */
export const Action = z.discriminatedUnion('type', [
  ClickAction,
  TypeAndSubmitAction,
  TerminateAction,
]);
export type Action = z.infer<typeof Action>;

export const ActionType = z.enum(['click', 'type_and_submit', 'terminate']);
export type ActionType = z.infer<typeof ActionType>;
export const ACTION_TYPES: readonly ActionType[] = ActionType.options;

/** What a simulator answers for one step. */
export const ModelAnswer = z.object({
  rationale: z.string(),
  action: Action,
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;

/** Validates an unknown value as an Action; throws a readable message naming the bad field. */
export function parseAction(value: unknown): Action {
  const result = Action.safeParse(value);
  if (!result.success) throw new Error(describeZodError(result.error));
  return stripExtra(result.data);
}

/** Keeps exactly the fields of the action's type, so traces store one JSON shape. */
export function stripExtra(action: Action): Action {
  switch (action.type) {
    case 'click':
      return { type: 'click', name: action.name };
    case 'type_and_submit':
      return { type: 'type_and_submit', name: action.name, text: action.text };
    case 'terminate':
      return { type: 'terminate' };
  }
}

/** One line for humans and prompts: `click a.b`, `type_and_submit a.b "text"`, `terminate`. */
export function formatAction(action: Action): string {
  switch (action.type) {
    case 'click':
      return `click ${action.name}`;
    case 'type_and_submit':
      return `type_and_submit ${action.name} ${JSON.stringify(action.text)}`;
    case 'terminate':
      return 'terminate';
  }
}

/** Inverse of formatAction; also accepts unquoted text after the name. */
export function parseActionString(line: string): Action {
  const trimmed = line.trim();
  const match = /^(\S+)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (!match)
    throw new Error(
      `empty action; expected "click NAME", "type_and_submit NAME TEXT" or "terminate"`,
    );
  const [, type, name, rest] = match;
  if (type === 'terminate' && !name) return { type: 'terminate' };
  if (type === 'click' && name && !rest) return { type: 'click', name };
  if (type === 'type_and_submit' && name && rest !== undefined) {
    let text = rest;
    if (text.startsWith('"')) {
      try {
        text = String(JSON.parse(text));
      } catch {
        throw new Error(`type_and_submit text is not a valid quoted string: ${rest}`);
      }
    }
    return { type: 'type_and_submit', name, text };
  }
  throw new Error(
    `cannot read action "${trimmed}"; expected "click NAME", "type_and_submit NAME TEXT" or "terminate"`,
  );
}

/** Exact-match equality as the protocol scores it: text trimmed and case-folded. */
export function actionsEqual(a: Action, b: Action): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'terminate') return true;
  if (a.name !== (b as ClickAction | TypeAndSubmitAction).name) return false;
  if (a.type === 'type_and_submit') {
    return normalizeText(a.text) === normalizeText((b as TypeAndSubmitAction).text);
  }
  return true;
}

export function normalizeText(text: string): string {
  return text.trim().toLowerCase();
}

/** Turns a zod error into "field: problem; field: problem". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
