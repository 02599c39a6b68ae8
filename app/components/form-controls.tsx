import type { ReactNode } from "react";

// Labelled controls whose error is announced and tied to them with aria-describedby. Every form in
// the dashboards uses these, so a field error always looks and reads the same way.

type Common = { name: string; label: ReactNode; error?: string | undefined; hint?: string; id?: string };

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function Input({
  name,
  label,
  error,
  hint,
  id = name,
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  maxLength,
  required,
  className,
}: Common & {
  type?: string;
  defaultValue?: string | number | null | undefined;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text";
  maxLength?: number;
  required?: boolean;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        required={required}
        className="field-control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea({ name, label, error, hint, id = name, defaultValue, rows = 4, maxLength }: Common & { defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? ""}
        maxLength={maxLength}
        className="field-control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function Select({
  name,
  label,
  error,
  hint,
  id = name,
  options,
  defaultValue,
  placeholder,
}: Common & { options: readonly { value: string; label: string }[]; defaultValue?: string | null; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        className="field-control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function Checkbox({ name, label, defaultChecked, value = "on", hint, id = `${name}-${value}` }: { name: string; label: ReactNode; defaultChecked?: boolean; value?: string; hint?: string; id?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={defaultChecked} className="mt-1 h-4 w-4 accent-brand-700" aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-sm text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A group of checkboxes with one legend and one error for the group. */
export function CheckboxGroup({ legend, name, error, children, hint }: { legend: string; name: string; error?: string | undefined; children: ReactNode; hint?: string }) {
  const id = `${name}-group`;
  return (
    <fieldset aria-describedby={describedBy(id, hint, error)}>
      <legend className="field-label">{legend}</legend>
      <HintAndError id={id} hint={hint} />
      <div className="mt-2 grid gap-2 sm:grid-cols-2">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
