/**
 * Long instructions folded, so that on a phone the exercise's own form starts on the first screen: the text before
 * the first heading stays open, the rest goes under "Meer uitleg", and a closing line that points to help stays open.
 */
export interface FoldedInstructions {
	intro: string;
	more: string;
	help: string;
}

const helpParagraph = /<p>(?:(?!<\/p>)[\s\S])*href="\/(?:nl\/hulp|en\/help)"(?:(?!<\/p>)[\s\S])*<\/p>\s*$/;

export function foldInstructions(html: string): FoldedInstructions {
	const heading = html.indexOf('<h2');
	if (heading === -1) return { intro: html, more: '', help: '' };
	const rest = html.slice(heading);
	const help = helpParagraph.exec(rest)?.[0] ?? '';
	return { intro: html.slice(0, heading), more: rest.slice(0, rest.length - help.length).trim(), help: help.trim() };
}
