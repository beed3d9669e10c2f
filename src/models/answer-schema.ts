import { z } from 'zod';
import { ClickAction, ModelAnswer, TerminateAction, TypeAndSubmitAction } from '../action.js';
import type { ReplySchema } from './chat.js';
import { portableJsonSchema, type JsonSchema } from './json-schema.js';

/** How tightly one answer is constrained; unset fields leave the zod ModelAnswer as it is. */
export interface AnswerShape {
  /** When given, click targets are limited to these names; an empty list drops `click`. */
  clickNames?: string[];
  /** When given, type_and_submit targets are limited to these names; empty drops the variant. */
  typeNames?: string[];
  /** Caps on string lengths (grammar-constrained local models must stop somewhere). */
  maxRationaleLength?: number;
  maxTextLength?: number;
}

/** The zod schema of one answer: ModelAnswer, narrowed to this page's names and length caps. */
export function answerSchema(shape: AnswerShape = {}): z.ZodType {
  const { clickNames, typeNames, maxRationaleLength, maxTextLength } = shape;
  if (!clickNames && !typeNames && maxRationaleLength === undefined && maxTextLength === undefined)
    return ModelAnswer;
  const variants: z.ZodObject[] = [];
  if (!clickNames || clickNames.length > 0) {
    variants.push(clickNames ? ClickAction.extend({ name: names(clickNames) }) : ClickAction);
  }
  if (!typeNames || typeNames.length > 0) {
    variants.push(
      TypeAndSubmitAction.extend({
        ...(typeNames ? { name: names(typeNames) } : {}),
        ...(maxTextLength !== undefined ? { text: z.string().max(maxTextLength) } : {}),
      }),
    );
  }
  variants.push(TerminateAction);
  return ModelAnswer.extend({
    ...(maxRationaleLength !== undefined ? { rationale: z.string().max(maxRationaleLength) } : {}),
    action: z.union(variants),
  });
}

function names(list: string[]) {
  return z.enum([...new Set(list)] as [string, ...string[]]);
}

/** The answer schema as a chat call's structured-output request. */
export function answerReplySchema(shape: AnswerShape = {}): ReplySchema {
  return { name: 'shopper_step', schema: answerSchema(shape) };
}

export interface AnswerSchemaOptions extends AnswerShape {
  /** Keyword for the union of action variants (see portableJsonSchema). */
  union: 'anyOf' | 'oneOf';
}

/** The JSON schema of one answer, in the portable subset each backend sends. */
export function answerJsonSchema(options: AnswerSchemaOptions): JsonSchema {
  return portableJsonSchema(answerSchema(options), options.union);
}
