/** Ids of the server-rendered header controls the browser code wires up (Radix-style, fixed). */
export const HEADER_IDS = {
  menuButton: 'radix-:R1b6lb:',
  menuPanel: 'radix-:R1b6lbH1:',
  searchButton: 'radix-:R2b6lb:',
  cartButton: 'radix-:R3b6lb:',
} as const;
