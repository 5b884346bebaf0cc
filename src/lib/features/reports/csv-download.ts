/**
 * A report's CSV as a download (pure apart from the Response it builds).
 * - `csvFileName(title, madeAt)`: "brug-rapport-<slug>-<YYYY-MM-DD>.csv", the slug from the title in plain letters.
 * - `csvDownload(csv, title, madeAt)`: the Response with its type, name and no caching.
 */
import { localDay } from '$lib/time';

export function csvFileName(title: string, madeAt: string): string {
	const slug = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 50)
		.replace(/-+$/g, '');
	return `brug-rapport-${slug || 'rapport'}-${localDay(new Date(madeAt))}.csv`;
}

export function csvDownload(csv: string, title: string, madeAt: string): Response {
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(title, madeAt)}"`,
			'cache-control': 'private, no-store'
		}
	});
}
