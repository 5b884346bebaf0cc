/** The programme's words in the page's language: week names, phases, week states and reminder choices. */
import { m } from '$lib/paraglide/messages';
import { formatDay } from '$lib/i18n/format';
import { followUpWeek } from './schedule';
import type { ReminderChoice, WeekState } from './programme';
import type { ProgrammePhase } from './programme.schema';

export function weekLabel(week: number): string {
	return week === followUpWeek ? m.programme_follow_up_label() : m.programme_week_label({ week });
}

export function phaseLabel(phase: ProgrammePhase): string {
	switch (phase) {
		case 'welcome':
			return m.programme_phase_welcome();
		case 'inside':
			return m.programme_phase_inside();
		case 'connection':
			return m.programme_phase_connection();
		case 'follow_up':
			return m.programme_phase_follow_up();
	}
}

/** A week's state in words (an icon beside it is decoration; the words carry the meaning). */
export function weekStateWords(week: Pick<WeekState, 'state' | 'opensOn'>): string {
	switch (week.state) {
		case 'done':
			return m.programme_state_done();
		case 'open':
			return m.programme_state_open();
		case 'waiting_for_conversation':
			return m.programme_state_waiting();
		case 'locked':
			return week.opensOn ? m.programme_state_locked({ day: formatDay(week.opensOn, 'weekday') }) : m.programme_state_locked_later();
	}
}

export function reminderChoiceLabel(choice: ReminderChoice): string {
	switch (choice) {
		case 'none':
			return m.programme_reminders_none();
		case 'week_start':
			return m.programme_reminders_week_start();
		case 'open_steps':
			return m.programme_reminders_open_steps();
	}
}
