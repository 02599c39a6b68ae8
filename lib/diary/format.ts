// Diary days are calendar days, not instants: formatted in UTC so no zone can move them.
const DAY = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const LONG_MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

export const formatDay = (day: string) => DAY.format(new Date(`${day}T00:00:00Z`));
export const formatMonth = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));
export const formatLongMonth = (month: string) => LONG_MONTH.format(new Date(`${month}-01T00:00:00Z`));
