import "server-only";
import type { Database } from "@/db/open";
import { diaryEntries, diaryScores } from "@/db/schema";
import { addDays } from "@/lib/ui/time-zone";

// patient@example.com's last 120 days of diary, fictional: about 15 headache days a month at first,
// falling to about 8, so the charts show a change at once. Fixed by a small seeded generator, so
// every seed of the same `today` writes the same diary.

const DAYS = 120;

function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function seedDemoDiary(db: Database, patientId: string, today: string): Promise<void> {
  const random = generator(20_260_101);
  const entries = Array.from({ length: DAYS }, (_, i) => {
    const day = addDays(today, i - DAYS);
    // From half the days with headache to about a quarter over the four months.
    const chance = 0.5 - (0.25 * i) / DAYS;
    const headache = random() < chance;
    const migraine = headache && random() < 0.6;
    const pain = headache ? Math.min(10, (migraine ? 6 : 3) + Math.floor(random() * 4)) : 0;
    const acuteMedicine = headache && random() < 0.7;
    return {
      patientId,
      day,
      headache,
      migraine,
      pain,
      hours: headache ? Math.round((1 + random() * (migraine ? 14 : 5)) * 2) / 2 : 0,
      acuteMedicine,
      medicines: acuteMedicine ? [migraine ? "triptan" : "nsaid"] : [],
    };
  });
  await db.insert(diaryEntries).values(entries).onConflictDoNothing();
  const scores = [
    { instrument: "MIDAS" as const, day: addDays(today, -110), total: 38 },
    { instrument: "MIDAS" as const, day: addDays(today, -50), total: 24 },
    { instrument: "MIDAS" as const, day: addDays(today, -8), total: 13 },
    { instrument: "HIT-6" as const, day: addDays(today, -110), total: 65 },
    { instrument: "HIT-6" as const, day: addDays(today, -8), total: 58 },
  ];
  await db
    .insert(diaryScores)
    .values(scores.map((s) => ({ ...s, patientId })))
    .onConflictDoNothing();
}
