import { describe, expect, it } from "vitest";
import { baseSlug, slugCandidates } from "./slug";

describe("listing slugs", () => {
  it("makes a readable URL from the name and credential, accents and punctuation folded", () => {
    expect(baseSlug("Dr. José Núñez", "MD")).toBe("dr-jose-nunez-md");
    expect(baseSlug("  Ana   O'Neil ", "NP")).toBe("ana-o-neil-np");
  });

  it("falls back to a generic slug when the name has no Latin letters", () => {
    expect(baseSlug("王医生", "DDS")).toBe("provider-dds");
  });

  it("offers numbered, then random, alternatives, all distinct", () => {
    const all = [...slugCandidates("Dr. Sam Lee", "DO")];
    expect(all.slice(0, 3)).toEqual(["dr-sam-lee-do", "dr-sam-lee-do-2", "dr-sam-lee-do-3"]);
    expect(new Set(all).size).toBe(all.length);
    expect(all.at(-1)).toMatch(/^dr-sam-lee-do-[0-9a-f]{6}$/);
  });
});
