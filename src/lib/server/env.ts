/**
 * The validated configuration of this process. The schema lives in `config.js` (shared with scripts/start.js);
 * every variable is listed in `.env.example`.
 */
import { parseConfig, type Config } from './config.js';

export { ConfigError, parseConfig, type Config } from './config.js';

let current: Config | undefined;

export function config(): Config {
	current ??= parseConfig(process.env);
	return current;
}
