// The map is links only: it needs no script, and leaving out hydration halves the page for a busy life.
export const csr = false;
