import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { diaryEntries } from "@/db/schema";
import { createUser, seedReferenceData, type TestUser } from "@/db/testing/fixtures";
import { actAs } from "@/lib/auth/testing/acting-user";
import { GET, POST } from "@/app/api/diary/route";
import { DELETE } from "@/app/api/diary/[date]/route";
import { POST as POST_SCORE } from "@/app/api/diary/scores/route";

vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("@/lib/auth/testing/acting-user")).fakeAuth,
}));

// The clock is frozen at noon UTC on this day; every date below is relative to it.
const TODAY = "2026-06-15";
const json = (url: string, method: string, body: unknown) =>
  new NextRequest(`http://localhost:3000${url}`, { method, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const postEntry = (body: unknown) => POST(json("/api/diary", "POST", body));
const getDiary = (query = "") => GET(new NextRequest(`http://localhost:3000/api/diary${query}`));
const remove = (date: string) => DELETE(new NextRequest(`http://localhost:3000/api/diary/${date}`, { method: "DELETE" }), { params: Promise.resolve({ date }) });

const headacheDay = (date: string, over: Record<string, unknown> = {}) => ({ date, headache: true, migraine: true, pain: 7, hours: 5.5, acuteMedicine: true, medicines: ["triptan"], ...over });
const clearDay = (date: string) => ({ date, headache: false, pain: 0, hours: 0 });

let patient: TestUser;

beforeAll(async () => {
  await getDb();
  await seedReferenceData();
  patient = await createUser("patient");
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

const freeze = () => vi.useFakeTimers({ now: new Date(`${TODAY}T12:00:00Z`), toFake: ["Date"] });

async function rowCount(user: TestUser) {
  const db = await getDb();
  return db.$count(diaryEntries, eq(diaryEntries.patientId, user.id));
}

describe("the diary API", () => {
  it("answers 401 without a session and 403 for a provider, and writes nothing", async () => {
    freeze();
    await actAs(null);
    expect((await postEntry(headacheDay(TODAY))).status).toBe(401);
    expect((await getDiary()).status).toBe(401);
    expect((await remove(TODAY)).status).toBe(401);
    const provider = await createUser("provider");
    await actAs(provider);
    expect((await postEntry(headacheDay(TODAY))).status).toBe(403);
    expect((await POST_SCORE(json("/api/diary/scores", "POST", { instrument: "MIDAS", date: TODAY, total: 12 }))).status).toBe(403);
    expect(await rowCount(provider)).toBe(0);
  });

  it("refuses a future day, pain over 10, hours over 24, migraine without headache and a bad date, naming the field", async () => {
    freeze();
    await actAs(patient);
    const before = await rowCount(patient);
    const cases: [unknown, string][] = [
      [headacheDay("2026-06-16"), "date"],
      [headacheDay(TODAY, { pain: 11 }), "pain"],
      [headacheDay(TODAY, { hours: 25 }), "hours"],
      [{ ...clearDay(TODAY), migraine: true }, "migraine"],
      [headacheDay("2026-02-30"), "date"],
      [headacheDay("15/06/2026"), "date"],
      [headacheDay("0001-01-01"), "date"],
      [headacheDay(TODAY, { medicines: ["bleach"] }), "medicines.0"],
      [headacheDay(TODAY, { note: "a\u0000b" }), "note"],
      [{ ...clearDay(TODAY), pain: 4 }, "pain"],
    ];
    for (const [body, field] of cases) {
      const response = await postEntry(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await response.json()).error.fields), JSON.stringify(body)).toContain(field);
    }
    expect(await rowCount(patient)).toBe(before);
  });

  it("creates a day's entry, replaces it when the day is sent again, and summarizes each month", async () => {
    freeze();
    await actAs(patient);
    expect((await postEntry(headacheDay("2026-05-30", { note: "Woke with it after a short night" }))).status).toBe(201);
    expect((await postEntry(clearDay("2026-05-31"))).status).toBe(201);
    expect((await postEntry(headacheDay("2026-06-01", { migraine: false, pain: 4, acuteMedicine: false, medicines: [] }))).status).toBe(201);
    expect((await postEntry(headacheDay("2026-06-01", { pain: 5, acuteMedicine: false, medicines: [], migraine: false }))).status).toBe(201);

    const response = await getDiary("?from=2026-05-01&to=2026-06-30");
    expect(response.status).toBe(200);
    const diary = await response.json();
    expect(diary.entries.map((e: { date: string; pain: number }) => [e.date, e.pain])).toEqual([["2026-05-30", 7], ["2026-05-31", 0], ["2026-06-01", 5]]);
    expect(diary.entries[0]).toMatchObject({ migraine: true, hours: 5.5, acuteMedicine: true, medicines: ["triptan"], note: "Woke with it after a short night" });
    expect(diary.months).toEqual([
      { month: "2026-05", daysRecorded: 2, headacheDays: 1, migraineDays: 1, acuteMedicineDays: 1, averagePain: 7 },
      { month: "2026-06", daysRecorded: 1, headacheDays: 1, migraineDays: 0, acuteMedicineDays: 0, averagePain: 5 },
    ]);
  });

  it("keeps the note sealed in the database", async () => {
    freeze();
    await actAs(patient);
    await postEntry(headacheDay("2026-06-02", { note: "Tried the new pillow" }));
    const db = await getDb();
    const rows = await db.select().from(diaryEntries).where(eq(diaryEntries.patientId, patient.id));
    const row = rows.find((r) => r.day === "2026-06-02")!;
    expect(row.noteCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain("pillow");
  });

  it("shows each patient only their own diary", async () => {
    freeze();
    const other = await createUser("patient");
    await actAs(other);
    await postEntry(headacheDay("2026-06-03", { note: "other patient's note" }));
    await actAs(patient);
    const diary = await (await getDiary("?from=2026-06-01&to=2026-06-30")).json();
    expect(diary.entries.map((e: { date: string }) => e.date)).not.toContain("2026-06-03");
    expect(JSON.stringify(diary)).not.toContain("other patient");
    // Deleting that day as this patient finds nothing of theirs, and leaves the other's entry.
    expect((await remove("2026-06-03")).status).toBe(404);
    expect(await rowCount(other)).toBe(1);
  });

  it("deletes a day's entry, and answers 404 for a day without one or a malformed day", async () => {
    freeze();
    await actAs(patient);
    await postEntry(clearDay("2026-06-04"));
    expect((await remove("2026-06-04")).status).toBe(204);
    expect((await remove("2026-06-04")).status).toBe(404);
    expect((await remove("yesterday")).status).toBe(404);
  });

  it("bounds the range it reads", async () => {
    freeze();
    await actAs(patient);
    expect((await getDiary("?from=2026-06-10&to=2026-06-01")).status).toBe(400);
    expect((await getDiary("?from=2010-01-01&to=2026-06-01")).status).toBe(400);
    expect((await getDiary("?from=june")).status).toBe(400);
    const defaults = await (await getDiary()).json();
    expect([defaults.from, defaults.to]).toEqual(["2025-06-16", TODAY]);
  });

  it("records MIDAS and HIT-6 totals with their grades, within each form's range", async () => {
    freeze();
    await actAs(patient);
    const score = (body: unknown) => POST_SCORE(json("/api/diary/scores", "POST", body));
    const midas = await score({ instrument: "MIDAS", date: "2026-06-01", total: 14 });
    expect(midas.status).toBe(201);
    expect(await midas.json()).toMatchObject({ grade: "Grade III: moderate disability" });
    expect((await score({ instrument: "HIT-6", date: "2026-06-01", total: 62 })).status).toBe(201);
    expect((await score({ instrument: "MIDAS", date: "2026-06-01", total: 4 })).status).toBe(201);
    for (const bad of [{ instrument: "MIDAS", date: TODAY, total: 271 }, { instrument: "HIT-6", date: TODAY, total: 35 }, { instrument: "HIT-6", date: TODAY, total: 79 }, { instrument: "PHQ-9", date: TODAY, total: 5 }, { instrument: "MIDAS", date: "2026-07-01", total: 5 }, { instrument: "MIDAS", date: TODAY, total: 5.5 }]) {
      expect((await score(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const diary = await (await getDiary("?from=2026-06-01&to=2026-06-30")).json();
    expect(diary.scores).toEqual([
      { instrument: "HIT-6", date: "2026-06-01", total: 62, grade: "Severe impact" },
      { instrument: "MIDAS", date: "2026-06-01", total: 4, grade: "Grade I: little or no disability" },
    ]);
  });
});
