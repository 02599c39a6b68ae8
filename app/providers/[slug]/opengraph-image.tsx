import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { connection } from "next/server";
import { initials } from "@/lib/ui/format";
import { getProvider } from "./get-provider";

export const alt = "Provider profile on Relief Finder";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const FONT_DIR = join(process.cwd(), "node_modules/@fontsource/inter/files");

// Local fonts only: without them next/og fetches glyphs it lacks (accents, symbols) from a CDN.
type Fonts = NonNullable<NonNullable<ConstructorParameters<typeof ImageResponse>[1]>["fonts"]>;
let fonts: Promise<Fonts> | undefined;
function loadFonts(): Promise<Fonts> {
  fonts ??= Promise.all(
    (["latin", "latin-ext"] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => ({
        name: "Inter",
        data: await readFile(join(FONT_DIR, `inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
  return fonts;
}

export default async function ProviderOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const provider = await getProvider(slug);
  if (!provider) notFound();
  const place = provider.locations[0] ? `${provider.locations[0].city}, ${provider.locations[0].state}` : "";
  const conditions = provider.conditions.slice(0, 3).map((c) => c.name).join(" · ");

  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: 72,
          background: "linear-gradient(180deg, #f0fdfa 0%, #ffffff 60%)",
          fontFamily: "Inter",
          color: "#0f172a",
        }}
      >
        <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 30, fontWeight: 700, color: "#115e59" }}>
          <div style={{ width: 44, height: 44, borderRadius: 12, background: "#0f766e", display: "flex", alignItems: "center", justifyContent: "center", color: "#fff", fontSize: 34 }}>
            +
          </div>
          Relief Finder
        </div>
        <div style={{ display: "flex", alignItems: "center", gap: 48 }}>
          <div
            style={{
              width: 180,
              height: 180,
              borderRadius: 90,
              background: "#ccfbf1",
              color: "#134e4a",
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              fontSize: 72,
              fontWeight: 700,
              flexShrink: 0,
            }}
          >
            {initials(provider.name)}
          </div>
          <div style={{ display: "flex", flexDirection: "column", gap: 12, width: 830 }}>
            <div style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.1 }}>{`${provider.name}, ${provider.credentials}`}</div>
            <div style={{ fontSize: 34, color: "#334155" }}>{[provider.specialty, place].filter(Boolean).join(" · ")}</div>
            {conditions ? <div style={{ fontSize: 28, color: "#475569" }}>{`Treats: ${conditions}`}</div> : null}
          </div>
        </div>
        <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <div
            style={{
              display: "flex",
              alignItems: "center",
              gap: 10,
              padding: "10px 22px",
              borderRadius: 999,
              background: "#ecfdf5",
              border: "2px solid #a7f3d0",
              color: "#065f46",
              fontSize: 28,
              fontWeight: 700,
            }}
          >
            <svg width="28" height="28" viewBox="0 0 20 20" fill="#065f46" fillRule="evenodd" clipRule="evenodd">
              <path d="M10 1.5 3 4.5v5c0 4.2 3 7.9 7 9 4-1.1 7-4.8 7-9v-5l-7-3Zm3.7 6.2a.75.75 0 0 0-1.1-1l-3.6 4-1.6-1.6a.75.75 0 1 0-1.1 1.1l2.2 2.2c.3.3.8.3 1.1 0l4.1-4.7Z" />
            </svg>
            License verified
          </div>
        </div>
      </div>
    ),
    { ...size, fonts: await loadFonts() },
  );
}
