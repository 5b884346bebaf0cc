/**
 * The Node versions brug runs on. Node 24 LTS is what the whole test suite runs on; Node 22 passes a start-and-smoke
 * check. Kept free of imports so that an old Node can load it and say what it needs. package.json's `engines` says
 * the same (a unit test compares them).
 */

/** The lowest Node brug starts on: the highest minimum among its dependencies on the 22 line. */
export const minimumNode = '22.18.0';

/** The Node line the test suite runs on, and the one `npm install` brings when the machine's Node is older. */
export const testedNodeMajor = 24;

/**
 * @param {string} version e.g. '24.22.3' or 'v20.20.2'
 * @returns {boolean} whether brug runs on it
 */
export function isSupportedNode(version) {
	return compareVersions(version, minimumNode) >= 0;
}

/**
 * @param {string} a
 * @param {string} b
 * @returns {number} negative, zero or positive, as a is older than, equal to or newer than b
 */
export function compareVersions(a, b) {
	const parts = (/** @type {string} */ v) => v.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
	const [x, y] = [parts(a), parts(b)];
	for (let i = 0; i < 3; i++) {
		const difference = (x[i] ?? 0) - (y[i] ?? 0);
		if (difference !== 0) return difference;
	}
	return 0;
}

/**
 * The one line an old Node gets.
 * @param {string} version the running Node's version
 */
export function unsupportedNodeMessage(version) {
	return (
		`brug: needs Node ${minimumNode} or newer (it is tested on Node ${testedNodeMajor} LTS); this is Node ` +
		`${version.replace(/^v/, '')}. Run 'npm install' first: it brings Node ${testedNodeMajor} along for 'npm start' and 'npm test'.`
	);
}
