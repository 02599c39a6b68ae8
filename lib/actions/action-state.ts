/** What every form action returns to useActionState: never rows, never secrets or health data. */
export type ActionState = {
  ok?: true;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
};

/** A lib/ result as the form shows it; `okMessage` for results that do not say what they did. */
export function toActionState(
  result: { ok: true; message?: string } | { ok: false; error?: string; fieldErrors?: Record<string, string> },
  okMessage?: string,
): ActionState {
  if (result.ok) return { ok: true, message: result.message ?? okMessage };
  return { error: result.error ?? "Check the highlighted fields.", ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) };
}
