import { describe, expect, it } from "vitest";
import { responseHoursOf, responseTimeText } from "@/lib/providers/response-time";
import { authorLabel } from "./author";
import { contactDetailsIn } from "./options";
import { reviewSchema } from "./validation";

describe("authorLabel", () => {
  it("shows the first name and last initial only", () => {
    expect(authorLabel("Pat Patient", true)).toBe("Pat P.");
    expect(authorLabel("  Jordan   Quinn de la Cruz ", true)).toBe("Jordan C.");
    expect(authorLabel("Cher", true)).toBe("Cher");
    expect(authorLabel("Ana 𝒵ed", true)).toBe("Ana 𝒵.");
  });
  it("shows 'Verified patient' when asked, or when there is no name", () => {
    expect(authorLabel("Pat Patient", false)).toBe("Verified patient");
    expect(authorLabel("   ", true)).toBe("Verified patient");
  });
});

describe("contactDetailsIn", () => {
  it("flags phone numbers and email addresses", () => {
    expect(contactDetailsIn("call (212) 555-0100")).toEqual({ email: false, phone: true });
    expect(contactDetailsIn("+1 212.555.0100")).toEqual({ email: false, phone: true });
    expect(contactDetailsIn("write to pat@example.com")).toEqual({ email: true, phone: false });
  });
  it("leaves ordinary text alone", () => {
    expect(contactDetailsIn("Seen in 2024, 3 visits, 10 minutes late at most.")).toEqual({ email: false, phone: false });
  });
});

describe("reviewSchema", () => {
  it("takes a whole rating from 1 to 5 and trims the text, empty text being none", () => {
    expect(reviewSchema.parse({ rating: 5, text: "  Good  " })).toEqual({ rating: 5, text: "Good", showName: true });
    expect(reviewSchema.parse({ rating: "3", text: "   " })).toEqual({ rating: 3, text: null, showName: true });
    expect(reviewSchema.parse({ rating: 1, showName: false })).toEqual({ rating: 1, text: null, showName: false });
  });
  it.each([[0], [6], [2.5], ["x"], [null], [undefined]])("refuses the rating %s", (rating) => {
    expect(reviewSchema.safeParse({ rating }).success).toBe(false);
  });
  it("refuses text over 1,000 characters", () => {
    expect(reviewSchema.safeParse({ rating: 4, text: "x".repeat(1001) }).success).toBe(false);
    expect(reviewSchema.safeParse({ rating: 4, text: "x".repeat(1000) }).success).toBe(true);
  });
});

describe("response time", () => {
  it("rounds the median up to whole hours, at least one", () => {
    expect(responseHoursOf(null)).toBeNull();
    expect(responseHoursOf(60)).toBe(1);
    expect(responseHoursOf(3 * 3600 + 1)).toBe(4);
    expect(responseTimeText(1)).toBe("Usually confirms within an hour");
    expect(responseTimeText(4)).toBe("Usually confirms within 4 hours");
  });
});
