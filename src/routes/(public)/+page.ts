// Fully usable without JavaScript: no script is sent. Not prerendered: it shows a notice from the address's query.
export const csr = false;
