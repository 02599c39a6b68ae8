import fc from "fast-check";
import type { ActionState } from "@/lib/actions/action-state";

// What the server actions' fuzz tests throw at a form: shared so every action meets the same junk.

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

// Values a hostile or broken client might send in any field.
export const anyValue: fc.Arbitrary<string | File> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "Infinity", "9".repeat(40), "2027-02-30", "2027-12-31", "NY", "ZZ", "on", "true", "aetna", "chronic-migraine", "10016", "00000", "America/New_York", "Mars/Base"),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat(200_000).map((n) => "x".repeat(n)),
  fc.uuid().map(String),
  fc.constant(new File(["not an image"], "file.txt", { type: "text/plain" })),
);

export function formOf(fields: Record<string, (string | File)[]>): FormData {
  const data = new FormData();
  for (const [key, values] of Object.entries(fields)) for (const v of values) data.append(key, v);
  return data;
}

/**
 * A valid form with some fields replaced by junk (or dropped) and a few unknown fields added:
 * near-valid input is what reaches the database, so that is where a partial write could hide.
 */
export const mutated = (valid: Record<string, string[]>) =>
  fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(valid).map(([key, value]) => [
            key,
            fc.oneof({ arbitrary: fc.constant<(string | File)[]>(value), weight: 3 }, { arbitrary: fc.array(anyValue, { maxLength: 3 }), weight: 1 }),
          ]),
        ),
      ),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.array(anyValue, { minLength: 1, maxLength: 2 }), { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
