// Languages a provider can list, by ISO 639-1 code; the code is what URLs and the database hold.
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "es", name: "Spanish" },
  { code: "zh", name: "Chinese" },
  { code: "vi", name: "Vietnamese" },
  { code: "ko", name: "Korean" },
  { code: "ru", name: "Russian" },
  { code: "ar", name: "Arabic" },
  { code: "fr", name: "French" },
  { code: "hi", name: "Hindi" },
  { code: "pt", name: "Portuguese" },
  { code: "tl", name: "Tagalog" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];

const names = new Map<string, string>(LANGUAGES.map((l) => [l.code, l.name]));

export function languageName(code: string): string {
  return names.get(code) ?? code;
}

export function isLanguageCode(code: string): code is LanguageCode {
  return names.has(code);
}
