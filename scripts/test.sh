#!/usr/bin/env bash
# npm test: prerequisites, type check, build, unit and integration tests (SQLite and PostgreSQL), browser tests.
# Stops at the first failure with its exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
step_name=''
step() {
	step_name=$1
	printf '\n== brug test: %s ==\n' "$1"
}
trap 'code=$?; [ $code -ne 0 ] && printf "\nbrug test: FAILED at \"%s\" (exit %s)\n" "$step_name" "$code" >&2' EXIT

# A prerequisite is missing: one line that says what to do, nothing more.
die() {
	trap - EXIT
	echo "brug: $1" >&2
	exit 1
}
is_root() { [ "$(id -u)" = 0 ]; }
have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
postgres_required() {
	case "${BRUG_REQUIRE_POSTGRES:-}" in '' | 0 | false) return 1 ;; *) return 0 ;; esac
}

apt_updated=0
# Quiet apt: progress goes to /dev/null, errors still reach the terminal.
apt_install() {
	if [ "$apt_updated" = 0 ]; then
		apt-get update -qq >/dev/null
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@" >/dev/null
}

step '1/6 prerequisites'
if [ ! -d node_modules ]; then
	die "dependencies are missing: run 'npm install' and try again."
fi
if [ ! -x /usr/bin/chromium ]; then
	if is_root; then
		echo 'Installing Chromium (apt-get install chromium) …'
		apt_install chromium
	else
		die "Chromium is missing: run 'sudo apt-get install -y chromium' and try again."
	fi
fi
if [ -z "${BRUG_TEST_DATABASE_URL:-}" ] && ! have_postgres; then
	if is_root; then
		echo 'Installing PostgreSQL (apt-get install postgresql) …'
		apt_install postgresql
	elif postgres_required; then
		die "PostgreSQL is missing: run 'sudo apt-get install -y postgresql' (or set BRUG_TEST_DATABASE_URL) and try again."
	else
		echo "brug: warning: PostgreSQL is not installed, so the database tests run on SQLite only ('sudo apt-get install -y postgresql' adds it)." >&2
	fi
fi
# npm scripts run node_modules/.bin/node when npm install brought one (see scripts/install-runtime.js).
node -e '
import("./scripts/node-version.js").then(({ isSupportedNode, unsupportedNodeMessage }) => {
	if (!isSupportedNode(process.versions.node)) {
		console.error(unsupportedNodeMessage(process.version));
		process.exit(1);
	}
	console.log(`Node: ${process.version} (${process.execPath})`);
});
' || { trap - EXIT; exit 1; }
echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed')"
if [ -n "${BRUG_TEST_DATABASE_URL:-}" ]; then
	echo 'PostgreSQL: BRUG_TEST_DATABASE_URL'
elif have_postgres; then
	echo "PostgreSQL: $(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 | xargs dirname)"
fi

step '2/6 type check (npm run check)'
npm run --silent check

# Before vitest: the authorisation matrix test runs the built app.
step '3/6 build (vite build)'
npx vite build

# The document /api/openapi.json serves, against Redocly's recommended rules; offline (no telemetry, no update check).
step '4/6 OpenAPI lint (redocly)'
node scripts/openapi-document.js
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint --extends=recommended tmp/openapi.json

step '5/6 unit and integration tests (vitest)'
mkdir -p tmp/test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=tmp/test-results/vitest.json

step '6/6 browser tests (playwright)'
npx playwright test

printf '\nbrug test: all steps passed in %ss\n' "$((SECONDS - started))"
# One closing line with the counts of both runners, e.g. "brug: 180 passed, 0 failed".
node -e '
const fs = require("node:fs");
const v = JSON.parse(fs.readFileSync("tmp/test-results/vitest.json", "utf8"));
const p = JSON.parse(fs.readFileSync("tmp/test-results/playwright.json", "utf8")).stats;
const passed = v.numPassedTests + p.expected + p.flaky;
const failed = v.numFailedTests + p.unexpected;
const skipped = v.numPendingTests + v.numTodoTests + p.skipped;
console.log(`brug: ${passed} passed, ${failed} failed, ${skipped} skipped`);
'
