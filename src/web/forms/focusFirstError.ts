import type { FormEvent } from 'react';

/**
 * Mantine's onSubmit error handler for every form: after a refused submit, move the focus to the first
 * field in error. A screen reader then reads that field's label and its error (Mantine ties the error to
 * the input with aria-describedby), and on a phone the field scrolls into view instead of a silent button.
 */
export function focusFirstError(_errors: unknown, _values: unknown, event?: FormEvent<HTMLFormElement>): void {
  const form = event?.currentTarget;
  if (!form) return;
  // The error attributes are rendered on the next frame, after Mantine sets the errors.
  requestAnimationFrame(() => {
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  });
}
