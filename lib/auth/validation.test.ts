import { describe, expect, it } from "vitest";
import { UNSTORABLE_TEXT } from "@/lib/validation/text";
import { disableAccountSchema } from "./validation";

const userId = "5b1f8a52-3f0c-4c55-9a53-7a8f1e2d4c6b";

describe("the reason for disabling an account", () => {
  it("is trimmed and kept", () => {
    expect(disableAccountSchema.parse({ userId, reason: "  Abuse report confirmed  " })).toEqual({ userId, reason: "Abuse report confirmed" });
  });

  it("refuses a NUL byte, which PostgreSQL cannot store in text", () => {
    const parsed = disableAccountSchema.safeParse({ userId, reason: "Abuse\u0000report" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([UNSTORABLE_TEXT]);
  });

  it("keeps line breaks", () => {
    expect(disableAccountSchema.parse({ userId, reason: "Two reports:\nspam and abuse" }).reason).toBe("Two reports:\nspam and abuse");
  });
});
