// The same for everyone and fully usable without JavaScript: built once as a file, and no script is sent.
export const prerender = true;
export const csr = false;
