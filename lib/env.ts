import { z } from "zod";

// The one place that reads process.env. next.config.ts imports this module, so a bad
// variable stops `next dev`, `next build` and `next start` with a message naming it.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must start with postgres:// or postgresql:// (leave it unset for the embedded database)",
    }),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  SITE_URL: z.url({ message: "must be an absolute URL such as http://localhost:3000" }).default("http://localhost:3000"),
  SQL_LOG_FILE: z.string().trim().optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv(process.env);
