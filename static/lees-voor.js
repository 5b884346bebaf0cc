// @ts-check
/**
 * "Lees voor": reads the page's marked regions aloud with the browser's own speech (speechSynthesis).
 *
 * A region is any element with `data-read-aloud`; `data-read-aloud="own"` marks the person's own words, which are read
 * only by a voice on the device unless the person agrees to a network voice first. The buttons' words come from the
 * `data-label-*` attributes of the element marked `data-read-aloud-labels` (the page renders them from its messages),
 * so this file holds no text of its own. Without JavaScript, or without speech in the browser, nothing is shown.
 * Nothing is sent anywhere by this script; only the slower-speed choice is kept, in this browser's localStorage.
 */

/** The slower speed for older listeners; 1 is the voice's normal speed. */
export const SLOW_RATE = 0.85;

/** Chromium stops long utterances early (after about 15 seconds), so no piece read at once is longer than this. */
export const MAX_PIECE = 200;

/**
 * @typedef {{ lang: string, localService: boolean, default?: boolean, name?: string }} VoiceLike
 * The part of a SpeechSynthesisVoice that choosing one needs.
 */

/**
 * Splits text into the pieces to read one by one: a new piece at each line break and after each sentence end
 * (. ! ? … followed by a space and a capital, a digit or a quote, so "bijv. een" stays together), and a sentence
 * longer than `MAX_PIECE` is split further at a comma, semicolon or colon, or else at a space.
 * @param {string} text
 * @returns {string[]}
 */
export function splitSentences(text) {
	/** @type {string[]} */
	const pieces = [];
	for (const line of text.split(/\s*\n\s*/)) {
		const flat = line.replace(/\s+/g, ' ').trim();
		if (!flat) continue;
		for (const sentence of flat.split(/(?<=[.!?…]['"”’)\]]*)\s+(?=[\p{Lu}\p{N}'"“‘(])/u)) {
			pieces.push(...shorten(sentence.trim()));
		}
	}
	return pieces.filter((piece) => piece.length > 0);
}

/**
 * @param {string} sentence
 * @returns {string[]}
 */
function shorten(sentence) {
	/** @type {string[]} */
	const pieces = [];
	let rest = sentence;
	while (rest.length > MAX_PIECE) {
		const head = rest.slice(0, MAX_PIECE);
		const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
		const space = head.lastIndexOf(' ');
		const cut = clause > MAX_PIECE / 3 ? clause + 1 : space > 0 ? space : MAX_PIECE;
		pieces.push(rest.slice(0, cut).trim());
		rest = rest.slice(cut).trim();
	}
	pieces.push(rest);
	return pieces;
}

/**
 * @param {string} lang
 * @returns {string}
 */
function normalLang(lang) {
	return lang.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * The best voice for a page in `pageLang` ("nl", "en-GB"): only voices of the same language; a voice on the device
 * (`localService`) before one on the network; then the exact language ("nl-nl" for "nl"), then the browser's default.
 * With `localOnly`, network voices are never chosen. Undefined when no voice fits.
 * @template {VoiceLike} V
 * @param {readonly V[]} voices
 * @param {string} pageLang
 * @param {{ localOnly?: boolean }} [options]
 * @returns {V | undefined}
 */
export function chooseVoice(voices, pageLang, { localOnly = false } = {}) {
	const wanted = normalLang(pageLang);
	const primary = wanted.split('-')[0] ?? wanted;
	const exact = wanted.includes('-') ? wanted : `${primary}-${primary}`;
	/** @type {V | undefined} */
	let best;
	let bestScore = -1;
	for (const voice of voices) {
		const lang = normalLang(voice.lang);
		if (lang !== primary && !lang.startsWith(`${primary}-`)) continue;
		if (localOnly && !voice.localService) continue;
		const score = (voice.localService ? 4 : 0) + (lang === exact ? 2 : 0) + (voice.default ? 1 : 0);
		if (score > bestScore) [best, bestScore] = [voice, score];
	}
	return best;
}

/**
 * What a tap on "Lees voor" should do for a region: read with a voice, ask before using a network voice for the
 * person's own words, or show how to add a voice.
 * @template {VoiceLike} V
 * @param {readonly V[]} voices
 * @param {string} pageLang
 * @param {boolean} ownWords
 * @returns {{ kind: 'read', voice: V } | { kind: 'ask', voice: V } | { kind: 'no-voice' }}
 */
export function planReading(voices, pageLang, ownWords) {
	const voice = chooseVoice(voices, pageLang, { localOnly: ownWords });
	if (voice) return { kind: 'read', voice };
	const networkVoice = ownWords ? chooseVoice(voices, pageLang) : undefined;
	return networkVoice ? { kind: 'ask', voice: networkVoice } : { kind: 'no-voice' };
}

// ---- In the browser ------------------------------------------------------------------------------------------------

const RATE_KEY = 'brug-lees-voor-rate';

/**
 * @typedef {object} Labels
 * @property {string} read
 * @property {string} pause
 * @property {string} resume
 * @property {string} stop
 * @property {string} slower
 * @property {string} group
 * @property {string} noVoice
 * @property {string} networkVoice
 * @property {string} networkOk
 */

/**
 * @typedef {object} Controls
 * @property {HTMLElement} region
 * @property {HTMLElement} box
 * @property {HTMLButtonElement} read
 * @property {HTMLButtonElement} pause
 * @property {HTMLButtonElement} slower
 * @property {HTMLButtonElement} stop
 * @property {HTMLElement} note
 * @property {Labels} labels
 */

/**
 * The reading in progress: its controls, its pieces, the piece being read, and whether it is paused.
 * @typedef {{ controls: Controls, pieces: string[], index: number, voice: SpeechSynthesisVoice, paused: boolean,
 *   utterances: SpeechSynthesisUtterance[] }} Reading
 */

/** @type {Reading | undefined} */
let current;

/** @returns {Labels | undefined} */
function findLabels() {
	const holder = document.querySelector('[data-read-aloud-labels]');
	if (!(holder instanceof HTMLElement)) return undefined;
	const data = holder.dataset;
	const { labelRead, labelPause, labelResume, labelStop, labelSlower, labelGroup } = data;
	const { labelNoVoice, labelNetworkVoice, labelNetworkOk } = data;
	if (!labelRead || !labelPause || !labelResume || !labelStop || !labelSlower || !labelGroup) return undefined;
	if (!labelNoVoice || !labelNetworkVoice || !labelNetworkOk) return undefined;
	return {
		read: labelRead,
		pause: labelPause,
		resume: labelResume,
		stop: labelStop,
		slower: labelSlower,
		group: labelGroup,
		noVoice: labelNoVoice,
		networkVoice: labelNetworkVoice,
		networkOk: labelNetworkOk
	};
}

/** @returns {boolean} */
function slowerChosen() {
	try {
		return localStorage.getItem(RATE_KEY) === 'slower';
	} catch {
		return false;
	}
}

/** @param {boolean} slower */
function keepSlower(slower) {
	try {
		if (slower) localStorage.setItem(RATE_KEY, 'slower');
		else localStorage.removeItem(RATE_KEY);
	} catch {
		// Storage may be off; the choice then lasts for this page only.
	}
}

let slower = false;

/**
 * @param {string} text
 * @param {string} [className]
 * @returns {HTMLButtonElement}
 */
function button(text, className = 'secondary') {
	const element = document.createElement('button');
	element.type = 'button';
	element.className = className;
	element.textContent = text;
	return element;
}

/**
 * Adds the buttons before the region (after it for a legend, which must stay its fieldset's first child).
 * @param {HTMLElement} region
 * @param {Labels} labels
 */
function enhance(region, labels) {
	region.dataset.readAloudReady = '';
	const box = document.createElement('div');
	box.className = 'lees-voor';
	box.setAttribute('role', 'group');
	box.setAttribute('aria-label', labels.group);
	const read = button(labels.read, 'secondary lees-voor-read');
	const pause = button(labels.pause);
	const slowerButton = button(labels.slower);
	const stop = button(labels.stop);
	const note = document.createElement('div');
	note.className = 'lees-voor-note';
	note.setAttribute('role', 'status');
	for (const element of [pause, slowerButton, stop]) element.hidden = true;
	box.append(read, pause, slowerButton, stop, note);
	/** @type {Controls} */
	const controls = { region, box, read, pause, slower: slowerButton, stop, note, labels };
	read.addEventListener('click', () => void start(controls));
	pause.addEventListener('click', togglePause);
	slowerButton.addEventListener('click', toggleSlower);
	stop.addEventListener('click', () => finish(true));
	if (region.tagName === 'LEGEND') region.after(box);
	else region.before(box);
}

/**
 * The device's voices; they load after the page, so wait briefly for them when none are there yet.
 * @returns {Promise<SpeechSynthesisVoice[]>}
 */
function loadVoices() {
	const voices = speechSynthesis.getVoices();
	if (voices.length > 0) return Promise.resolve(voices);
	return new Promise((resolve) => {
		const done = () => {
			speechSynthesis.removeEventListener('voiceschanged', done);
			clearTimeout(timer);
			resolve(speechSynthesis.getVoices());
		};
		const timer = setTimeout(done, 1500);
		speechSynthesis.addEventListener('voiceschanged', done);
	});
}

/** @param {Controls} controls */
async function start(controls) {
	const { labels } = controls;
	finish(true);
	controls.note.replaceChildren();
	const lang = controls.region.closest('[lang]')?.getAttribute('lang') || 'nl';
	const plan = planReading(await loadVoices(), lang, controls.region.dataset.readAloud === 'own');
	if (plan.kind === 'no-voice') {
		controls.note.append(paragraph(labels.noVoice));
		return;
	}
	if (plan.kind === 'ask') {
		const agree = button(labels.networkOk);
		agree.addEventListener('click', () => {
			controls.note.replaceChildren();
			read(controls, plan.voice, 0);
			// The button just tapped is gone; keep the keyboard focus on the controls.
			if (current?.controls === controls) controls.pause.focus();
		});
		controls.note.append(paragraph(labels.networkVoice), agree);
		return;
	}
	read(controls, plan.voice, 0);
}

/** @param {string} text */
function paragraph(text) {
	const element = document.createElement('p');
	element.textContent = text;
	return element;
}

/**
 * Queues one utterance per piece from `from` on; the browser reads them in turn.
 * @param {Controls} controls
 * @param {SpeechSynthesisVoice} voice
 * @param {number} from
 */
function read(controls, voice, from) {
	const pieces = current?.controls === controls ? current.pieces : splitSentences(controls.region.innerText);
	speechSynthesis.cancel();
	if (speechSynthesis.paused) speechSynthesis.resume();
	if (pieces.length <= from) return;
	/** @type {Reading} */
	const reading = { controls, pieces, index: from, voice, paused: false, utterances: [] };
	current = reading;
	showReading(controls, true);
	pieces.slice(from).forEach((piece, offset) => {
		const utterance = new SpeechSynthesisUtterance(piece);
		utterance.voice = voice;
		utterance.lang = voice.lang;
		utterance.rate = slower ? SLOW_RATE : 1;
		utterance.addEventListener('start', () => {
			if (current === reading) reading.index = from + offset;
		});
		if (from + offset === pieces.length - 1) {
			utterance.addEventListener('end', () => {
				if (current === reading) finish(false);
			});
		}
		// Kept, so that the browser does not drop an utterance (and its end event) before it is read.
		reading.utterances.push(utterance);
		speechSynthesis.speak(utterance);
	});
}

/**
 * @param {Controls} controls
 * @param {boolean} reading
 */
function showReading(controls, reading) {
	const focused = document.activeElement;
	const during = [controls.pause, controls.slower, controls.stop];
	controls.pause.textContent = controls.labels.pause;
	controls.read.hidden = reading;
	for (const element of during) element.hidden = !reading;
	controls.slower.setAttribute('aria-pressed', String(slower));
	// A hidden button loses the keyboard focus; give it to the button that took its place.
	if (reading && focused === controls.read) controls.pause.focus();
	if (!reading && during.some((element) => element === focused)) controls.read.focus();
}

function togglePause() {
	if (!current) return;
	const { labels } = current.controls;
	current.paused = !current.paused;
	if (current.paused) speechSynthesis.pause();
	else speechSynthesis.resume();
	current.controls.pause.textContent = current.paused ? labels.resume : labels.pause;
}

/** Changes the speed and reads the current piece again at the new speed. */
function toggleSlower() {
	slower = !slower;
	keepSlower(slower);
	if (!current) return;
	const { controls, voice, index } = current;
	read(controls, voice, index);
}

/**
 * Stops reading (`cancel` when asked or when another region starts) and puts the buttons back.
 * @param {boolean} cancel
 */
function finish(cancel) {
	const reading = current;
	current = undefined;
	if (!reading) return;
	if (cancel) {
		speechSynthesis.cancel();
		if (speechSynthesis.paused) speechSynthesis.resume();
	}
	showReading(reading.controls, false);
}

/** Finds regions not yet given buttons; stops reading when the region read is gone (the page changed). */
function scan() {
	if (current && !current.controls.region.isConnected) finish(true);
	const labels = findLabels();
	if (!labels) return;
	for (const region of document.querySelectorAll('[data-read-aloud]:not([data-read-aloud-ready])')) {
		if (region instanceof HTMLElement) enhance(region, labels);
	}
}

/**
 * Runs `start` once the page's own app (SvelteKit) has taken over the server's HTML: buttons added before that would
 * not match what the app expects to find, and it would redraw the page. The root layout marks <html data-ready> then.
 * A page without the app (rendered for no JavaScript) is ready at once.
 * @param {() => void} start
 */
function whenPageReady(start) {
	const root = document.documentElement;
	const hasApp = [...document.scripts].some((script) => !script.src && script.textContent?.includes('__sveltekit'));
	if (!hasApp || root.hasAttribute('data-ready')) return start();
	const watcher = new MutationObserver(() => {
		if (!root.hasAttribute('data-ready')) return;
		watcher.disconnect();
		start();
	});
	watcher.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
}

if (typeof document !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window) {
	slower = slowerChosen();
	whenPageReady(() => {
		scan();
		// Pages that navigate in place bring new regions without loading this module again.
		let queued = false;
		new MutationObserver(() => {
			if (queued) return;
			queued = true;
			queueMicrotask(() => {
				queued = false;
				scan();
			});
		}).observe(document.body, { childList: true, subtree: true });
	});
	addEventListener('pagehide', () => finish(true));
}
