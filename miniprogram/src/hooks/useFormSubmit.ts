// The state every form page keeps: field errors, the message above the buttons, and whether it
// is sending. A 400's field errors go under their fields; any failure's message above the buttons.
import { useState } from 'react';
import type { FieldErrors } from './fieldErrors';
import { fieldErrors } from './fieldErrors';
import { ApiError } from '../services/request';

export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string>();

  return {
    errors,
    busy,
    submitError,
    /** What was found before sending. */
    refuse(found: FieldErrors) {
      setErrors(found);
      setSubmitError('还有内容需要填写或修改，请看红色提示');
    },
    async send(action: () => Promise<unknown>) {
      setBusy(true);
      setSubmitError(undefined);
      try {
        await action();
      } catch (err) {
        if (err instanceof ApiError && err.details.length) setErrors(fieldErrors(err.details));
        setSubmitError((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
    /** A new form on the same page: no errors, no message. */
    reset() {
      setErrors({});
      setSubmitError(undefined);
    },
    /** Fields changed (their paths, or path prefixes): their errors and the old message go. */
    clear(fields: readonly string[]) {
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`)))));
      setSubmitError(undefined);
    },
  };
}
