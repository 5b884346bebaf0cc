/**
 * The name of a client's downloaded export, so that files of several clients and days do not overwrite each other
 * in a Downloads folder. Pure.
 * - `exportFileName({ chosenName, personId, day, extension })`: `brug-metingen-anna-2026-12-07.csv`, in plain
 *   ASCII (`ascii`) and with the name's own letters (`unicode`, e.g. `brug-metingen-zoë-2026-12-07.csv`). Without a
 *   chosen name (or one with no letters or digits left), the first 8 characters of brug's id for the person stand in:
 *   never the e-mail address.
 * - `attachmentDisposition(name)`: `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 and RFC 8187): browsers
 *   that read `filename*` keep the accents, the others get the ASCII name.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const foldings: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ĳ: 'ij'
};

/** A name cut to this many characters is still recognisable and keeps the whole file name short. */
const maxNameLength = 40;

function slug(text: string, keep: RegExp): string {
	return text
		.toLowerCase()
		.replace(keep, '-')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, maxNameLength)
		.replace(/-$/, '');
}

function asciiSlug(text: string): string {
	const folded = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/./gu, (letter) => foldings[letter] ?? letter);
	return slug(folded, /[^a-z0-9]+/g);
}

function unicodeSlug(text: string): string {
	return slug(text.normalize('NFC'), /[^\p{L}\p{N}]+/gu);
}

export function exportFileName(options: {
	chosenName: string | null;
	personId: string;
	/** The local day (YYYY-MM-DD) the file is made. */
	day: string;
	/** Without the dot, e.g. `csv` or `fhir.json`. */
	extension: string;
}): { ascii: string; unicode: string } {
	const fallback = asciiSlug(options.personId.slice(0, 8)) || 'client';
	const ascii = asciiSlug(options.chosenName ?? '') || fallback;
	const unicode = unicodeSlug(options.chosenName ?? '') || ascii;
	const name = (part: string) => `brug-metingen-${part}-${options.day}.${options.extension}`;
	return { ascii: name(ascii), unicode: name(unicode) };
}

/** RFC 8187 `attr-char`: what `filename*` may hold unencoded; `encodeURIComponent` also leaves `'()*` alone. */
function rfc8187(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function attachmentDisposition(name: { ascii: string; unicode: string }): string {
	return `attachment; filename="${name.ascii}"; filename*=UTF-8''${rfc8187(name.unicode)}`;
}
