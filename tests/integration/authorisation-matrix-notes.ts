/** Authorisation matrix entries: Conversation notes: the professional pages and actions, and the client's page of shared summaries. */
import type { MatrixEntry } from './authorisation-matrix-presets';

export const notesMatrix: MatrixEntry[] = [];
