import { z } from 'zod';

/** What kind of control a named element is. */
export const ElementKind = z.enum([
  'link',
  'button',
  'text_input',
  'textarea',
  'select',
  'option',
  'checkbox',
  'radio',
  'clickable',
]);
export type ElementKind = z.infer<typeof ElementKind>;

/**
 * How prominently a control is drawn (browser observations only): its box in CSS pixels, the WCAG
 * contrast ratio of its text against what is directly behind it, and whether it has a fill of its
 * own that stands out from the page (a button shape) rather than being text on the page.
 */
export const Prominence = z.object({
  width: z.number(),
  height: z.number(),
  contrast: z.number(),
  filled: z.boolean(),
});
export type Prominence = z.infer<typeof Prominence>;

/** One interactable element of the page, addressed by its stable semantic name. */
export const ObservedElement = z.object({
  name: z.string().min(1),
  kind: ElementKind,
  /** Visible text or label, whitespace-collapsed and capped. */
  text: z.string(),
  tag: z.string(),
  href: z.string().nullable().default(null),
  value: z.string().nullable().default(null),
  checked: z.boolean().nullable().default(null),
  disabled: z.boolean().default(false),
  inputType: z.string().nullable().default(null),
  /**
   * Where the element starts, in viewport heights from the top of the page: below 1 it is in the
   * first screen, seen without scrolling. Null when the page had no layout (static HTML, imports).
   */
  screen: z.number().nullable().default(null),
  /** Size, contrast and fill; null without layout, for options, and in older traces. */
  prominence: Prominence.nullable().default(null),
});
export type ObservedElement = z.infer<typeof ObservedElement>;

/** Everything a model sees of one page. */
export const Observation = z.object({
  url: z.string(),
  title: z.string(),
  html: z.string(),
  elements: z.array(ObservedElement),
});
export type Observation = z.infer<typeof Observation>;

/** Attribute written onto live elements so an action resolves back to exactly one element. */
export { NAME_ATTRIBUTE } from './name-attribute.js';
