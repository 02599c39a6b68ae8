import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { assertDeployable } from "./lib/env";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from node_modules at run time, and zipcodes is a 5 MB
  // data table: neither belongs in a server bundle. sharp (photo re-encoding) and argon2 load
  // native binaries; Next already leaves sharp out of bundles, but photo uploads depend on it.
  serverExternalPackages: ["@electric-sql/pglite", "zipcodes", "@node-rs/argon2", "sharp"],
  // Migrations are read from disk when the database opens, so serverless bundles must carry them.
  // The Open Graph image reads its fonts from @fontsource at run time, for the same reason.
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*"],
    "/providers/[slug]/opengraph-image": ["./node_modules/@fontsource/inter/files/inter-latin*-{400,700}-normal.woff"],
  },
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 from pages a signed-in user has no right to.
    authInterrupts: true,
    // Listing photos may be 2 MB; the action's own check gives the clear message, so the transport
    // limit sits a little above it (multipart adds overhead).
    serverActions: { bodySizeLimit: "3mb" },
  },
};

// `next start` stops here, naming what is missing, rather than serving an unsafe configuration;
// instrumentation.ts makes the same check where a platform loads the built app without this file.
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_SERVER) assertDeployable();
  return nextConfig;
}
