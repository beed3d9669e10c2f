/**
 * For the no-rationale ablation: the answer format the prompts ask for, without the rationale
 * ({"rationale": ..., "action": ...} -> {"action": ...}), so instructions and targets agree.
 */
export function withoutRationaleInstructions(text: string): string {
  return text.replace(/\{"rationale":[^{}\n]*?"action":/g, '{"action":');
}
