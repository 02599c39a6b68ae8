import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { isSlug } from "@/lib/listing/slug";
import { conditions, insuranceCarriers } from "@/db/schema";

export type CatalogEntry = { slug: string; name: string };
export type Catalog = { conditions: CatalogEntry[]; carriers: CatalogEntry[] };

export type ConditionContent = {
  slug: string;
  name: string;
  summary: string;
  howItWorks: string;
  sideEffects: string;
  expectations: string;
  insuranceNote: string;
  evaluationNote: string;
  typicalUnitsLow: number;
  typicalUnitsHigh: number;
};

// Conditions and carriers are reference data that change with a deploy, not per request;
// holding them for a minute keeps every search at one statement.
const CATALOG_TTL_MS = 60_000;
let cached: { at: number; catalog: Promise<Catalog> } | null = null;

async function loadCatalog(): Promise<Catalog> {
  const db = await getDb();
  const [conditionRows, carrierRows] = await Promise.all([
    db.select({ slug: conditions.slug, name: conditions.name }).from(conditions).orderBy(asc(conditions.sortOrder), asc(conditions.name)),
    db.select({ slug: insuranceCarriers.slug, name: insuranceCarriers.name }).from(insuranceCarriers).orderBy(asc(insuranceCarriers.name)),
  ]);
  return { conditions: conditionRows, carriers: carrierRows };
}

export function getCatalog(): Promise<Catalog> {
  if (!cached || Date.now() - cached.at > CATALOG_TTL_MS) {
    const catalog = loadCatalog();
    cached = { at: Date.now(), catalog };
    catalog.catch(() => {
      cached = null;
    });
  }
  return cached.catalog;
}

export async function getConditionBySlug(slug: string): Promise<ConditionContent | null> {
  if (!isSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      slug: conditions.slug,
      name: conditions.name,
      summary: conditions.summary,
      howItWorks: conditions.howItWorks,
      sideEffects: conditions.sideEffects,
      expectations: conditions.expectations,
      insuranceNote: conditions.insuranceNote,
      evaluationNote: conditions.evaluationNote,
      typicalUnitsLow: conditions.typicalUnitsLow,
      typicalUnitsHigh: conditions.typicalUnitsHigh,
    })
    .from(conditions)
    .where(eq(conditions.slug, slug))
    .limit(1);
  return row ?? null;
}
