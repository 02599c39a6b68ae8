import "server-only";
import { randomBytes } from "node:crypto";
import { createAccount, promoteToAdmin } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/validation";

// npm run admin:create -- someone@example.com
// Makes that account an admin, creating it with a one-time random password when it does not exist.
// The only way besides the demo seed to get an admin: sign-up never offers the role.
const email = process.argv[2] ?? "";
const parsed = signUpSchema.shape.email.safeParse(email);
if (!parsed.success) {
  console.error(`Usage: npm run admin:create -- email@example.com (${parsed.error.issues[0]?.message ?? "invalid email"})`);
  process.exit(2);
}

const outcome = await promoteToAdmin(parsed.data);
if (outcome === "promoted") console.log(`${parsed.data} is now an admin. Their existing sessions were ended.`);
else if (outcome === "already-admin") console.log(`${parsed.data} is already an admin.`);
else {
  const password = randomBytes(12).toString("base64url");
  const created = await createAccount({ name: parsed.data.split("@")[0]!, email: parsed.data, password, role: "admin" }, { verified: true });
  if (!created.ok) {
    console.error(created.message);
    process.exit(1);
  }
  console.log(`Created admin ${parsed.data} with the one-time password: ${password}`);
}
process.exit(0);
