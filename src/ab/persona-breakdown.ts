import type { SessionMetrics } from './metrics.js';

/** One persona's pairs: conversion and add-to-cart per arm, and who won the discordant pairs. */
export interface PersonaRow {
  persona: string;
  pairs: number;
  controlConversions: number;
  treatmentConversions: number;
  controlAddToCart: number;
  treatmentAddToCart: number;
  /** Pairs where only control converted (b) and only treatment converted (c). */
  onlyControl: number;
  onlyTreatment: number;
  controlMeanSteps: number;
  treatmentMeanSteps: number;
}

interface MeasuredPair {
  persona: string;
  control: { metrics: SessionMetrics };
  treatment: { metrics: SessionMetrics };
}

/** The pairs grouped by persona, personas in the order they first appear. */
export function personaBreakdown(pairs: readonly MeasuredPair[]): PersonaRow[] {
  const groups = new Map<string, MeasuredPair[]>();
  for (const pair of pairs) groups.set(pair.persona, [...(groups.get(pair.persona) ?? []), pair]);
  return [...groups].map(([persona, list]) => {
    const count = (f: (p: MeasuredPair) => boolean) => list.filter(f).length;
    const mean = (f: (p: MeasuredPair) => number) =>
      list.reduce((s, p) => s + f(p), 0) / list.length;
    return {
      persona,
      pairs: list.length,
      controlConversions: count((p) => p.control.metrics.converted),
      treatmentConversions: count((p) => p.treatment.metrics.converted),
      controlAddToCart: count((p) => p.control.metrics.added_to_cart),
      treatmentAddToCart: count((p) => p.treatment.metrics.added_to_cart),
      onlyControl: count((p) => p.control.metrics.converted && !p.treatment.metrics.converted),
      onlyTreatment: count((p) => !p.control.metrics.converted && p.treatment.metrics.converted),
      controlMeanSteps: mean((p) => p.control.metrics.steps),
      treatmentMeanSteps: mean((p) => p.treatment.metrics.steps),
    };
  });
}
