"use client";

import Link from "next/link";
import type { CatalogEntry } from "@/lib/catalog/queries";
import type { RawFilters } from "@/lib/search/filters";
import { LANGUAGES } from "@/lib/search/languages";
import { DEFAULT_RADIUS_MI, SELF_PAY, type FilterError } from "@/lib/search/types";
import { errorProps, FieldError, NearField, SelectField, type Option } from "../components/form-fields";

const RADII = [5, 10, 25, 50, 100, 200];
const SECONDARY = ["radiusMi", "insurance", "maxFee", "telehealth", "language", "gender", "availableWithinDays", "sort"] as const;

const GENDER_OPTIONS: Option[] = [
  { value: "", label: "Any gender" },
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "nonbinary", label: "Nonbinary" },
];

const SORT_OPTIONS: Option[] = [
  { value: "match", label: "Best match" },
  { value: "distance", label: "Nearest first" },
  { value: "fee", label: "Lowest consultation fee" },
  { value: "soonest", label: "Soonest available" },
];

// A number of days a shared link asked for outside these still shows (SelectField keeps it).
const WITHIN_OPTIONS: Option[] = [{ value: "", label: "Any time" }, ...[3, 7, 14, 30].map((d) => ({ value: String(d), label: `Within ${d} days` }))];

/**
 * Every search filter in one GET form, so the URL is the whole search and it works without
 * JavaScript. On small screens the less used filters fold into "More filters".
 *
 * A client component although it keeps no state: its markup then reaches the browser once, in the
 * HTML, and the page's React payload carries only its props (the catalog's names and the values
 * asked for) instead of every field and option a second time.
 */
export function SearchForm({
  conditions,
  carriers,
  values,
  error,
}: {
  conditions: CatalogEntry[];
  carriers: CatalogEntry[];
  values: RawFilters;
  error: FilterError | null;
}) {
  const activeSecondary = SECONDARY.filter((k) => {
    const v = values[k]?.trim();
    if (!v) return false;
    if (k === "sort") return v !== "match";
    if (k === "radiusMi") return v !== String(DEFAULT_RADIUS_MI);
    return true;
  }).length;
  const secondaryError = error !== null && (SECONDARY as readonly string[]).includes(error.field);
  const radius = values.radiusMi?.trim() || String(DEFAULT_RADIUS_MI);
  const radiusOptions = RADII.map((r) => ({ value: String(r), label: `${r} miles` }));

  return (
    <form action="/providers" method="get" className="space-y-4" aria-label="Search providers">
      <SelectField
        name="condition"
        label="Condition"
        value={values.condition}
        error={error}
        options={[{ value: "", label: "All conditions" }, ...conditions.map((c) => ({ value: c.slug, label: c.name }))]}
      />
      <NearField value={values.near} error={error} />

      <details className="filters-disclosure group rounded-lg border border-slate-200 lg:border-0" open={secondaryError || undefined}>
        <summary className="flex items-center justify-between rounded-lg px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50">
          <span>
            More filters
            {activeSecondary > 0 ? <span className="ml-1 font-normal text-slate-600">({activeSecondary} set)</span> : null}
          </span>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 transition-transform group-open:rotate-180" fill="currentColor">
            <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
          </svg>
        </summary>
        <div className="space-y-4 px-3 pt-1 pb-3 lg:px-0 lg:pt-0 lg:pb-0">
          <SelectField name="radiusMi" label="Distance" value={radius} error={error} options={radiusOptions} />
          <SelectField
            name="insurance"
            label="Insurance"
            value={values.insurance}
            error={error}
            options={[
              { value: "", label: "Any insurance or self-pay" },
              { value: SELF_PAY, label: "Self-pay" },
              ...carriers.map((c) => ({ value: c.slug, label: c.name })),
            ]}
          />
          <div>
            <label htmlFor="maxFee" className="field-label">
              Maximum consultation fee
            </label>
            <div className="relative">
              <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-600">
                $
              </span>
              <input
                id="maxFee"
                name="maxFee"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={values.maxFee ?? ""}
                placeholder="Any"
                maxLength={100}
                className="field-control pl-7"
                {...errorProps("maxFee", error)}
              />
            </div>
            <FieldError name="maxFee" error={error} />
          </div>
          <SelectField
            name="language"
            label="Language spoken"
            value={values.language}
            error={error}
            options={[{ value: "", label: "Any language" }, ...LANGUAGES.map((l) => ({ value: l.code, label: l.name }))]}
          />
          <SelectField name="gender" label="Provider's gender" value={values.gender} error={error} options={GENDER_OPTIONS} />
          <div>
            <div className="flex items-center gap-2">
              <input
                id="telehealth"
                name="telehealth"
                type="checkbox"
                value="1"
                defaultChecked={values.telehealth === "1"}
                className="h-4 w-4 rounded border-slate-400 accent-brand-700"
                {...errorProps("telehealth", error)}
              />
              <label htmlFor="telehealth" className="text-sm font-medium text-slate-800">
                Offers telehealth visits
              </label>
            </div>
            <FieldError name="telehealth" error={error} />
          </div>
          <SelectField
            name="availableWithinDays"
            label="Free consultation"
            value={values.availableWithinDays?.trim()}
            error={error}
            options={WITHIN_OPTIONS}
          />
          <SelectField name="sort" label="Sort by" value={values.sort || "match"} error={error} options={SORT_OPTIONS} />
        </div>
      </details>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary w-full sm:w-auto lg:w-full">
          Show providers
        </button>
        <Link href="/providers" className="text-sm font-medium">
          Clear all filters
        </Link>
      </div>
      <FieldError name="page" error={error} />
      <FieldError name="query" error={error} />
    </form>
  );
}
