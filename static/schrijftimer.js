// @ts-check
/**
 * The journal's optional ten-minute writing timer, as one small script so the journal page needs no framework
 * script (see docs/performance.md). It fills each `[data-writing-timer]` element with a start button; the element
 * carries the words (data-start, data-stop, data-done) in the page's language. Without JavaScript there is no timer.
 * Calm: no sound, and only the end is announced, not every second.
 */
const totalSeconds = 10 * 60;

/** @param {HTMLElement} box */
function setUp(box) {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'secondary';
	const clock = document.createElement('span');
	clock.setAttribute('aria-hidden', 'true');
	const status = document.createElement('span');
	status.setAttribute('role', 'status');
	box.replaceChildren(button, clock, status);

	/** @type {ReturnType<typeof setInterval> | undefined} */
	let ticking;
	let left = 0;
	const show = () => {
		clock.textContent = ticking === undefined && left === 0 ? '' : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
		button.textContent = (ticking === undefined ? box.dataset.start : box.dataset.stop) ?? '';
	};
	const stop = () => {
		clearInterval(ticking);
		ticking = undefined;
	};
	button.addEventListener('click', () => {
		status.textContent = '';
		if (ticking !== undefined) {
			stop();
			left = 0;
		} else {
			left = totalSeconds;
			ticking = setInterval(() => {
				left = Math.max(0, left - 1);
				if (left === 0) {
					stop();
					status.textContent = box.dataset.done ?? '';
				}
				show();
			}, 1000);
		}
		show();
	});
	show();
}

for (const box of document.querySelectorAll('[data-writing-timer]')) {
	if (box instanceof HTMLElement) setUp(box);
}
