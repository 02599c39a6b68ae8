import "server-only";
import { provisionAdmin } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/validation";

// npm run admin:create -- someone@example.com
// Makes that account an admin (creating it when it does not exist) with a new one-time password,
// printed here once; the first sign-in with it must choose a new password. The only way besides
// the demo seed to get an admin: sign-up never offers the role.
const email = process.argv[2] ?? "";
const parsed = signUpSchema.shape.email.safeParse(email);
if (!parsed.success) {
  console.error(`Usage: npm run admin:create -- email@example.com (${parsed.error.issues[0]?.message ?? "invalid email"})`);
  process.exit(2);
}

const result = await provisionAdmin(parsed.data);
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
const what = {
  created: `Created admin ${parsed.data}.`,
  promoted: `${parsed.data} is now an admin. Its sessions were ended and its old password no longer works.`,
  "password-reset": `${parsed.data} was already an admin. Its sessions were ended and its old password no longer works.`,
}[result.outcome];
console.log(`${what}\nOne-time password (it lets them sign in only to choose a new password): ${result.oneTimePassword}`);
process.exit(0);
