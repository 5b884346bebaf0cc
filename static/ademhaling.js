// @ts-check
/**
 * The breathing exercise's guide, as one small stand-alone script so the exercise page needs no framework script
 * (see docs/performance.md). Two minutes of paced breathing: in for four counts, out for six, twelve breaths. It fills
 * each `[data-breathing-guide]` element with a start button, a timer, an "in / out" cue and a circle that moves only
 * while it runs, and not at all when less motion is asked (the system setting or brug's own "no motion", which sets
 * `--view-still: 1`). The element carries the words in the page's language as data attributes. Without JavaScript the
 * steps beside it are text to follow.
 */
export const breathIn = 4;
export const breathOut = 6;
export const breathingSeconds = 120;

/**
 * Where a person is after so many seconds: in or out, which count (1–4 in, 1–6 out), or done.
 * @param {number} seconds
 * @returns {{ phase: 'in' | 'out' | 'done', count: number }}
 */
export function breathingMoment(seconds) {
	if (seconds >= breathingSeconds) return { phase: 'done', count: 0 };
	const inBreath = Math.floor(Math.max(seconds, 0)) % (breathIn + breathOut);
	return inBreath < breathIn ? { phase: 'in', count: inBreath + 1 } : { phase: 'out', count: inBreath - breathIn + 1 };
}

/**
 * "1:05"
 * @param {number} seconds
 */
export function clockTime(seconds) {
	const whole = Math.floor(Math.max(seconds, 0));
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** @param {string} tag @param {string} className @param {string} [text] */
function element(tag, className, text) {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function lessMotion() {
	const still = getComputedStyle(document.documentElement).getPropertyValue('--view-still').trim() === '1';
	return still || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** @param {HTMLElement} box */
function setUp(box) {
	const words = box.dataset;
	const stage = element('div', 'breathing');
	stage.setAttribute('aria-hidden', 'true');
	const circle = element('div', 'breathing-circle');
	const count = element('span', 'breathing-count');
	circle.append(count);
	stage.append(circle);
	const cue = element('p', 'breathing-cue');
	cue.setAttribute('aria-live', 'polite');
	const timer = element('p', 'breathing-timer');
	const label = element('span', 'visually-hidden', words.timeLabel ?? '');
	const clock = element('span', '');
	clock.setAttribute('role', 'timer');
	timer.append(label, clock, ` / ${clockTime(breathingSeconds)}`);
	const actions = element('div', 'actions');
	const button = /** @type {HTMLButtonElement} */ (element('button', ''));
	button.type = 'button';
	actions.append(button);
	box.replaceChildren(stage, cue, timer, actions);

	/** @type {number | null} */
	let startedAt = null;
	let seconds = 0;
	const show = () => {
		const moment = breathingMoment(seconds);
		const running = startedAt !== null;
		const moving = running && !lessMotion();
		circle.classList.toggle('grow', moving && moment.phase === 'in');
		circle.classList.toggle('shrink', moving && moment.phase === 'out');
		count.textContent = running ? String(moment.count) : '';
		const text = !running && seconds === 0 ? words.ready : moment.phase === 'in' ? words.in : moment.phase === 'out' ? words.out : words.done;
		if (cue.textContent !== text) cue.textContent = text ?? '';
		clock.textContent = clockTime(seconds);
		button.textContent = (running ? words.pause : seconds > 0 && seconds < breathingSeconds ? words.resume : words.start) ?? '';
		button.classList.toggle('secondary', running);
	};
	button.addEventListener('click', () => {
		if (startedAt === null) {
			if (seconds >= breathingSeconds) seconds = 0;
			startedAt = Date.now() - seconds * 1000;
		} else {
			startedAt = null;
		}
		show();
	});
	setInterval(() => {
		if (startedAt === null) return;
		seconds = Math.min((Date.now() - startedAt) / 1000, breathingSeconds);
		if (seconds >= breathingSeconds) startedAt = null;
		show();
	}, 250);
	show();
}

if (typeof document !== 'undefined') {
	for (const box of document.querySelectorAll('[data-breathing-guide]')) {
		if (box instanceof HTMLElement) setUp(box);
	}
}
