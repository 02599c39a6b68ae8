import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { changeNameAction } from "@/app/account/change-name-action";
import { changePasswordAction } from "@/app/account/password/change-password-action";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { CHOOSE_PASSWORD_FIRST } from "@/lib/actions/validated-action";
import { provisionAdmin } from "./accounts";
import { actAs } from "./testing/acting-user";

// An account given a one-time password by admin:create, acting through the real server actions:
// everything but choosing a new password is refused until it has.
vi.mock("@/lib/auth/next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/next-auth")>()),
  auth: (await import("./testing/acting-user")).fakeAuth,
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;`, to });
  },
}));

afterEach(() => actAs(null));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("a one-time password from admin:create", () => {
  it("opens only the change of password, which then lifts the restriction", async () => {
    const email = `otp-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const created = await provisionAdmin(email);
    if (!created.ok) throw new Error(created.message);
    const db = await getDb();
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await actAs(admin!);

    expect(await changeNameAction({}, form({ name: "New Name" }))).toEqual({ error: CHOOSE_PASSWORD_FIRST });
    const changed = changePasswordAction({}, form({ currentPassword: created.oneTimePassword, password: "an admin's own password" }));
    await expect(changed).rejects.toMatchObject({ to: "/account?password=changed" });

    expect(await changeNameAction({}, form({ name: "New Name" }))).toMatchObject({ ok: true });
  });
});
