/**
 * How the heuristic shopper reacts to design: every parameter of the design-aware rules
 * (design.ts), each with the published finding it is read from. The findings give directions and
 * rough sizes; turning them into per-shopper chances is a modelling choice, said next to each one.
 * Persona traits scale them (the `scale` table). Change a number here and `npm run bench` shows
 * what it does to the known-effect suite.
 */
export const DESIGN_PARAMS = {
  fold: {
    /**
     * Chance a glance reaches a control by the screen it starts on (0: first screen, 1: second,
     * 2: further). Finding: Nielsen Norman Group, "Scrolling and Attention" (2018) — 57% of
     * page-viewing time is spent above the fold and 74% within the first two screenfuls. We read
     * those time shares as the chance the eye gets there: 1, 1 − 0.57, 1 − 0.74.
     */
    reach: [1, 0.43, 0.26],
    /** Of shoppers whose glance misses the buy button, the share who give up rather than scroll. */
    unseenLeave: 0.5,
  },
  prominence: {
    /**
     * When a buy button is drawn weakly: without a fill of its own and with text under this WCAG
     * contrast ratio against what is behind it. Finding: WCAG 2.1, SC 1.4.11 "Non-text Contrast" —
     * user-interface components need 3:1 to be perceived by people with moderately low vision.
     */
    minContrast: 3,
    /** Or when it is shorter than this (CSS px). Finding: WCAG 2.2, SC 2.5.8 "Target Size (Minimum)", 24 px. */
    minHeight: 24,
    /**
     * Chance a glance misses a weakly drawn buy button. Finding: Nielsen Norman Group, "Flat UI
     * Elements Attract Less Attention and Cause Uncertainty" (Moran, 2017, eyetracking) — on pages
     * whose clickable elements had weak signifiers, users took 22% longer, looked around more, and
     * sometimes did not find them at all. 0.3 is a modelling choice; who misses it gives up by
     * `fold.unseenLeave`.
     */
    weakMiss: 0.3,
    /**
     * A strong button — filled, at least `strongHeight` px tall and `strongContrast` — is found
     * further down the page: its below-the-fold miss is multiplied by `strongFoldMiss`. Findings:
     * Fitts (1954), larger targets are found and reached faster; Apple's Human Interface
     * Guidelines and WCAG 2.5.5 "Target Size (Enhanced)" ask 44 px; WCAG 1.4.3 asks 4.5:1 for text.
     * Halving the miss is a modelling choice.
     */
    strongHeight: 44,
    strongContrast: 4.5,
    strongFoldMiss: 0.5,
  },
  checkoutFields: {
    /**
     * Fields a checkout needs: typing them costs nothing. Finding: Baymard Institute's
     * checkout-usability benchmark — the average checkout asks for 11–12 form fields where 7–8
     * suffice, and "too long / complicated checkout" is among the most cited reasons to abandon an
     * order (about one in five US shoppers who abandoned). Baymard counts fields typed into, apart
     * from the other form elements (lists, radio buttons, checkboxes); so do we. Fields already
     * filled in (by the shop or the shopper) count towards these.
     */
    comfortable: 8,
    /**
     * Chance of abandoning per field the shopper must type once the form already holds
     * `comfortable` filled fields. 0.025 makes eight extra fields cost about one shopper in six at
     * medium patience; a modelling choice read from the same finding.
     */
    leavePerField: 0.025,
  },
  lateCosts: {
    /**
     * Chance of abandoning when a shipping cost first appears at the last step. Finding: Baymard
     * Institute — extra costs (shipping, taxes, fees) revealed late are the most cited reason for
     * abandoning checkout, by about half of the shoppers who abandoned.
     */
    leave: 0.3,
  },
  hiddenReviews: {
    /**
     * Chance a research-minded shopper walks away when the reviews sit folded behind a button
     * instead of on the page. Finding: Spiegel Research Center, "How Online Reviews Influence
     * Sales" (2017) — reviews multiply purchase likelihood (a product with five reviews is bought
     * several times as often as one with none), so hiding them costs the shoppers who read them.
     */
    leave: 0.15,
  },
  lostSearch: {
    /**
     * Chance a shopper who wants to search again gives up when the page has no search box. Finding:
     * Jakob Nielsen, "Search and You May Find" (1997) — over half of users are search-dominant and
     * go straight for the search box; without one they must find another way back.
     */
    leave: 0.35,
    /**
     * Share of shoppers who are search-dominant: leaving a product that will not do, they go back
     * to the search box (or, without one, want to) before trying a related product. Same finding:
     * "over half" search-dominant, about a fifth link-dominant, the rest mixed; we take one half.
     */
    searchDominant: 0.5,
  },
  compare: {
    /**
     * Chance a shopper who found a product that fits looks at one more before buying, by
     * thoroughness (drawn once per session). Finding: Google / Shopper Sciences, "Zero Moment of
     * Truth" (2011) — shoppers consulted 10.4 sources on average before buying, up from 5.3 a year
     * earlier. One more product view is the smallest form of that; the shares are a modelling
     * choice. Search-dominant shoppers compare through the search box (see `lostSearch`).
     */
    share: { low: 0, medium: 0.5, high: 1 },
  },
  choice: {
    /**
     * Results a shopper scans comfortably, and the chance of giving up per result beyond that when
     * the page offers no filter to narrow them (capped by `maxLeave`). Finding: Iyengar & Lepper,
     * "When Choice Is Demotivating" (2000) — a display of 24 jams drew more visitors but 3% bought,
     * against 30% at a display of 6.
     */
    comfortable: 12,
    leavePerExtra: 0.01,
    maxLeave: 0.2,
  },
  /** Persona traits scale the chances above; a chance never exceeds 0.95. */
  scale: {
    /** Impatient shoppers give up sooner over friction, patient ones later. */
    patience: { low: 1.4, medium: 1, high: 0.6 },
    /** Only shoppers who read reviews miss them. */
    thoroughness: { low: 0, medium: 0.5, high: 1 },
    /** Price-sensitive shoppers react more to a surprise cost. */
    price_sensitivity: { low: 0.5, medium: 1, high: 1.5 },
  },
} as const;
