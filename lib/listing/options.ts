// The listing form's fixed choices, apart from validation.ts so the form (a client component)
// does not ship zod to the browser.
export const CREDENTIALS = ["MD", "DO", "DDS", "DMD", "NP", "PA"] as const;
export const GENDERS = ["female", "male", "nonbinary", "undisclosed"] as const;
