/**
 * The Node process tests/e2e/seed.ts starts: reads a WorldPlan (JSON) from stdin, seeds it (seed-world.ts) in the
 * e2e server's data dir (BRUG_DATA_DIR), and writes the World as JSON to stdout. brug's modules load as the demo
 * loads them (scripts/demo/app-modules.js), so the rows are the ones brug's own use-cases write.
 */
import { text } from 'node:stream/consumers';
import { useAppModules } from '../../scripts/demo/app-modules.js';

useAppModules();
const { seedWorld } = await import('./seed-world');
const world = await seedWorld(JSON.parse(await text(process.stdin)));
process.stdout.write(JSON.stringify(world));
