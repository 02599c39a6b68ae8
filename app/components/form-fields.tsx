import type { FilterError } from "@/lib/search/types";

export type Option = { value: string; label: string };

/** ARIA wiring that ties a field to the error shown beside it. */
export function errorProps(name: string, error: FilterError | null) {
  return error?.field === name ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

export function FieldError({ name, error }: { name: string; error: FilterError | null }) {
  if (error?.field !== name) return null;
  return (
    <p id={`${name}-error`} role="alert" className="field-error">
      {error.message}
    </p>
  );
}

/**
 * A labelled <select>. A value not among the options (a stale or mistyped link) is kept as an
 * extra option so the form shows back exactly what was asked for next to its error.
 */
export function SelectField({
  name,
  label,
  options,
  value,
  error,
  id = name,
}: {
  name: string;
  label: string;
  options: Option[];
  value: string | undefined;
  error: FilterError | null;
  id?: string;
}) {
  const current = value ?? "";
  const known = options.some((o) => o.value === current);
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={current} className="field-control" {...errorProps(name, error)}>
        {known ? null : <option value={current}>{current}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} error={error} />
    </div>
  );
}

export function NearField({
  value,
  error,
  id = "near",
  hint = true,
}: {
  value: string | undefined;
  error: FilterError | null;
  id?: string;
  hint?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error?.field === "near" ? "near-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="field-label">
        ZIP or City, ST
      </label>
      <input
        id={id}
        name="near"
        type="text"
        defaultValue={value ?? ""}
        placeholder="e.g. 10016 or Austin, TX"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        className="field-control"
        aria-invalid={error?.field === "near" ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          Leave empty to search the whole US.
        </p>
      ) : null}
      <FieldError name="near" error={error} />
    </div>
  );
}
