/**
 * `use:enhance` for forms that stay on the page after saving: SvelteKit resets a form after a `success` result, not
 * after a redirect back to the same page, so the choices just sent would stay ticked and invite a double save.
 */
import type { SubmitFunction } from '$app/forms';

export const resetAfterRedirect: SubmitFunction = () => {
	return async ({ result, update, formElement }) => {
		await update();
		if (result.type === 'redirect') formElement.reset();
	};
};
