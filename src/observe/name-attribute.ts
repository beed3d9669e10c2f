/**
 * Attribute written onto live elements so an action resolves back to exactly one element.
 * Lives in its own zod-free module so the in-page script can import it without bundling zod;
 * observation.ts re-exports it.
 */
export const NAME_ATTRIBUTE = 'data-shopsim-name';
