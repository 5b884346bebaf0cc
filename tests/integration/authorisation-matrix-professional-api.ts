/** Authorisation matrix entries: The professional JSON API (/api/v1/clients/…, /api/v1/caseload). */
import type { MatrixEntry } from './authorisation-matrix-presets';

export const professionalApiMatrix: MatrixEntry[] = [];
