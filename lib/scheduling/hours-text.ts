// Weekly hours as people write them: "9:00-12:00, 13:00-17:30", "9am-5pm", or empty for closed.
// One text field per weekday keeps the form short, works with a keyboard and a screen reader, and
// round-trips: format(parse(x)) is how the form shows what was saved.

export type DayRange = { startMinute: number; endMinute: number };
export type ParsedDay = { ok: true; ranges: DayRange[] } | { ok: false; message: string };

const TIME = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

function parseTime(text: string, isEnd: boolean): number | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, "");
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour === 24 && minute === 0 && isEnd) return 24 * 60;
  if (hour > 23) return null;
  return hour * 60 + minute;
}

export function parseDayRanges(text: string): ParsedDay {
  const cleaned = text.trim().toLowerCase();
  if (cleaned === "" || cleaned === "closed") return { ok: true, ranges: [] };
  const ranges: DayRange[] = [];
  for (const part of cleaned.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const [from, to, extra] = part.split(/\s*(?:-|–|—|to)\s*/);
    if (from === undefined || to === undefined || extra !== undefined) return { ok: false, message: `Write “${part}” as a start and an end, like 9:00-17:00.` };
    const startMinute = parseTime(from, false);
    const endMinute = parseTime(to, true);
    if (startMinute === null || endMinute === null) return { ok: false, message: `“${part}” is not a time range we understand; use 9:00-17:00 or 9am-5pm.` };
    if (endMinute <= startMinute) return { ok: false, message: `In “${part}” the end must be after the start.` };
    ranges.push({ startMinute, endMinute });
  }
  ranges.sort((a, b) => a.startMinute - b.startMinute);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.startMinute < ranges[i - 1]!.endMinute) return { ok: false, message: "Two of these ranges overlap." };
  }
  if (ranges.length > 6) return { ok: false, message: "Use at most 6 ranges a day." };
  return { ok: true, ranges };
}

const clock = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}`;

export function formatDayRanges(ranges: readonly DayRange[]): string {
  return [...ranges]
    .sort((a, b) => a.startMinute - b.startMinute)
    .map((r) => `${clock(r.startMinute)}-${clock(r.endMinute)}`)
    .join(", ");
}

export const WEEKDAYS = [
  { weekday: 1, name: "Monday" },
  { weekday: 2, name: "Tuesday" },
  { weekday: 3, name: "Wednesday" },
  { weekday: 4, name: "Thursday" },
  { weekday: 5, name: "Friday" },
  { weekday: 6, name: "Saturday" },
  { weekday: 7, name: "Sunday" },
] as const;
