/**
 * Paced breathing: in for four counts, out for six, ten seconds a breath, twelve breaths in two minutes.
 * `breathingMoment(seconds)` says where a person is after so many seconds: in or out, which count, and whether the
 * two minutes are over.
 */
export const breathIn = 4;
export const breathOut = 6;
export const breathingSeconds = 120;

export interface BreathingMoment {
	phase: 'in' | 'out' | 'done';
	/** 1–4 breathing in, 1–6 breathing out. */
	count: number;
}

export function breathingMoment(seconds: number): BreathingMoment {
	if (seconds >= breathingSeconds) return { phase: 'done', count: 0 };
	const inBreath = Math.floor(Math.max(seconds, 0)) % (breathIn + breathOut);
	return inBreath < breathIn ? { phase: 'in', count: inBreath + 1 } : { phase: 'out', count: inBreath - breathIn + 1 };
}

/** "1:05" */
export function clockTime(seconds: number): string {
	const whole = Math.floor(Math.max(seconds, 0));
	return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
