"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { Input } from "./form-controls";

type Action<S extends ActionState> = (previous: S, formData: FormData) => Promise<S>;

/**
 * A form bound to a server action that keeps what the person typed when the action answers.
 * React resets a form after its action runs; a long form that loses its input on a field error
 * would lose work, so with JavaScript we submit by hand and skip the reset. Without JavaScript
 * the plain `action` still works.
 */
export function ActionForm<S extends ActionState = ActionState>({
  action,
  children,
  className,
  confirm,
  resetOnSuccess = false,
  "aria-label": ariaLabel,
}: {
  action: Action<S>;
  children: (state: S, pending: boolean) => ReactNode;
  className?: string;
  /** Asked before submitting a destructive change; cancelling sends nothing. */
  confirm?: string;
  /** Clear the fields after a success, for forms that add one item after another. */
  resetOnSuccess?: boolean;
  "aria-label"?: string;
}) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, {} as Awaited<S>);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.ok) formRef.current?.reset();
  }, [resetOnSuccess, state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => dispatch(formData));
  };
  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} className={className} noValidate aria-label={ariaLabel}>
      {children(state, pending)}
    </form>
  );
}

/**
 * The outcome of the last submission: an error alert, or a status message for a success.
 * `className` places it, e.g. `w-full` for a line of its own below a row of controls.
 */
export function FormMessage({ state, className = "" }: { state: ActionState; className?: string }) {
  if (state.error) {
    return (
      <p role="alert" className={`rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 ${className}`}>
        {state.error}
      </p>
    );
  }
  if (state.ok && state.message) {
    return (
      <p role="status" className={`rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ${className}`}>
        {state.message}
      </p>
    );
  }
  return null;
}

export function SubmitButton({ pending, children, pendingLabel, variant = "primary" }: { pending: boolean; children: ReactNode; pendingLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  const className = variant === "primary" ? "btn-primary" : variant === "danger" ? "btn-danger" : "btn-secondary";
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * A form that is one button: it sends `fields` (the ids the action needs) to `action` and shows
 * the outcome beside the button. For confirm, remove, retry and the like.
 */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  variant,
  confirm,
  className,
  "aria-label": ariaLabel,
}: {
  action: Action<ActionState>;
  fields: Record<string, string>;
  children: ReactNode;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  className?: string;
  "aria-label"?: string;
}) {
  return (
    <ActionForm action={action} className={className} confirm={confirm} aria-label={ariaLabel}>
      {(state, pending) => (
        <>
          <HiddenFields fields={fields} />
          <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant}>
            {children}
          </SubmitButton>
          <FormMessage state={state} />
        </>
      )}
    </ActionForm>
  );
}

/**
 * A form that asks why before a change someone else will read about: decline, reject, suspend,
 * cancel. It sends `fields` and the text as `reason` to `action`, after `confirm`, from a danger
 * button; the outcome shows on a line of its own.
 */
export function ReasonForm({
  action,
  fields,
  label,
  hint,
  inputId,
  children,
  pendingLabel,
  confirm,
  className,
  "aria-label": ariaLabel,
}: {
  action: Action<ActionState>;
  fields: Record<string, string>;
  label: string;
  hint?: string;
  /** Unique on the page: several of these forms may be listed together. */
  inputId: string;
  children: ReactNode;
  pendingLabel: string;
  confirm: string;
  className: string;
  "aria-label": string;
}) {
  return (
    <ActionForm action={action} className={className} confirm={confirm} aria-label={ariaLabel}>
      {(state, pending) => (
        <>
          <HiddenFields fields={fields} />
          <Input name="reason" id={inputId} label={label} hint={hint} error={state.fieldErrors?.reason} maxLength={500} />
          <SubmitButton pending={pending} pendingLabel={pendingLabel} variant="danger">
            {children}
          </SubmitButton>
          <FormMessage state={state} className="w-full" />
        </>
      )}
    </ActionForm>
  );
}

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}
