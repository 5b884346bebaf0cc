/**
 * What the relationship pages read from a posted form, before the schemas check it: a form sends strings and
 * repeated fields, the schemas take the shapes the JSON API takes too.
 * - `relationFromForm`, `contactFromForm`, `plannedMomentFromForm`, `outcomeFromForm`.
 * - `formValues(form, names)`: the typed values, to show them again next to the errors.
 */
const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
};

export function relationFromForm(form: FormData) {
	return {
		nickname: text(form, 'nickname'),
		circle: text(form, 'circle'),
		brings: form.getAll('brings').filter((v) => typeof v === 'string'),
		rhythm: text(form, 'rhythm'),
		note: text(form, 'note')
	};
}

export function contactFromForm(form: FormData) {
	return { kind: text(form, 'kind'), day: text(form, 'day'), feeling: text(form, 'feeling') };
}

export function plannedMomentFromForm(form: FormData) {
	return { kind: text(form, 'kind'), day: text(form, 'day'), time: text(form, 'time'), place: text(form, 'place'), note: text(form, 'note') };
}

/** "ja" / "nee" from the form's two buttons. */
export function outcomeFromForm(form: FormData) {
	const happened = text(form, 'happened');
	return { happened: happened === 'yes' ? true : happened === 'no' ? false : undefined, feeling: text(form, 'feeling') };
}

export function formValues(form: FormData, names: readonly string[]): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of names) {
		const all = form.getAll(name).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 2000));
		values[name] = name === 'brings' ? all : (all[0] ?? '');
	}
	return values;
}
