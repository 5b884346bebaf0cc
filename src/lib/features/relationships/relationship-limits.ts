/** The relationship forms' limits, without Zod, so the forms' scripts can name them without the schema library. */
export const nicknameMaxLength = 40;
export const noteMaxLength = 1000;
export const placeMaxLength = 80;

/** The limits the relationship forms' error texts name. */
export const relationshipLimits = {
	nickname_too_long: nicknameMaxLength,
	note_too_long: noteMaxLength,
	place_too_long: placeMaxLength
} as const;
