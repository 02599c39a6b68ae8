import { describe, expect, it } from "vitest";
import { ACCOUNT_CLOSED, SIGN_IN_BUSY, signInRefusal, WRONG_CREDENTIALS } from "./messages";

describe("what a refused sign-in says", () => {
  it("asks a locked-out client to wait the minutes left, in seconds for Retry-After", () => {
    expect(signInRefusal("locked:12")).toEqual({ message: "Too many attempts. Try again in 12 minutes.", retryAfterSeconds: 720 });
    expect(signInRefusal("locked:1")).toEqual({ message: "Too many attempts. Try again in 1 minute.", retryAfterSeconds: 60 });
  });

  it("asks for a retry in a moment when hashing is at capacity", () => {
    expect(signInRefusal("busy")).toEqual({ message: SIGN_IN_BUSY, retryAfterSeconds: 2 });
  });

  it("asks no wait for a wrong password or a closed account", () => {
    expect(signInRefusal("invalid")).toEqual({ message: WRONG_CREDENTIALS, retryAfterSeconds: null });
    expect(signInRefusal("closed")).toEqual({ message: ACCOUNT_CLOSED, retryAfterSeconds: null });
    expect(signInRefusal("")).toEqual({ message: WRONG_CREDENTIALS, retryAfterSeconds: null });
  });
});
