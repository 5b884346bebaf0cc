/**
 * The relationship map's vocabularies in words, in the page's language: circles, what a contact brings, rhythms,
 * kinds of contact, how it felt, and the status (always said in words, never by colour or shape alone).
 */
import { m } from '$lib/paraglide/messages';
import type { ContactBring, ContactCircle, ContactKind, ContactRhythm, ContactStatus } from './relationships';
import { fieldErrorText } from '$lib/kernel/form-error-words';
import type { FieldError } from '$lib/kernel/form-errors';
import { relationshipLimits } from './relationship-limits';

/** A form error on the relationship forms, naming their own limits. */
export function relationshipErrorText(code: FieldError | undefined): string | undefined {
	return fieldErrorText(code, relationshipLimits);
}

export function circleWords(): Record<ContactCircle, { name: string; hint: string }> {
	return {
		intimate: { name: m.circle_short_intimate(), hint: m.circle_intimate_hint() },
		friends: { name: m.circle_short_friends(), hint: m.circle_friends_hint() },
		community: { name: m.circle_short_community(), hint: m.circle_community_hint() }
	};
}

export function bringsWords(): Record<ContactBring, string> {
	return {
		support: m.brings_support(),
		fun: m.brings_fun(),
		practical_help: m.brings_practical_help(),
		deep_talks: m.brings_deep_talks(),
		shared_activity: m.brings_shared_activity(),
		advice: m.brings_advice(),
		feeling_at_home: m.brings_feeling_at_home()
	};
}

export function rhythmWords(): Record<ContactRhythm, string> {
	return {
		weekly: m.rhythm_weekly(),
		every_two_weeks: m.rhythm_every_two_weeks(),
		monthly: m.rhythm_monthly(),
		every_three_months: m.rhythm_every_three_months(),
		no_goal: m.rhythm_no_goal()
	};
}

/** As a button says it after the fact ("Gebeld"), and as a plan says it ("Bellen"). */
export function kindWords(): Record<ContactKind, { done: string; plan: string }> {
	return {
		message: { done: m.contact_kind_message(), plan: m.plan_kind_message() },
		call: { done: m.contact_kind_call(), plan: m.plan_kind_call() },
		meeting: { done: m.contact_kind_meeting(), plan: m.plan_kind_meeting() },
		chat_in_passing: { done: m.contact_kind_chat(), plan: m.plan_kind_chat() },
		online: { done: m.contact_kind_online(), plan: m.plan_kind_online() }
	};
}

export function feelingWords(): Record<1 | 2 | 3 | 4 | 5, string> {
	return { 1: m.feeling_1(), 2: m.feeling_2(), 3: m.feeling_3(), 4: m.feeling_4(), 5: m.feeling_5() };
}

export function statusWords(): Record<ContactStatus, string> {
	return {
		on_track: m.status_on_track(),
		due_soon: m.status_due_soon(),
		overdue: m.status_overdue(),
		no_goal: m.status_no_goal()
	};
}
