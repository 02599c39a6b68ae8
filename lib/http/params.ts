import { z } from "zod";
import { isUuid } from "@/db/uuid";
import { isSlug } from "@/lib/listing/slug";
import { safeString } from "@/lib/validation/text";

// Route params as the wrapper checks them: a malformed one names nothing, so the route answers 404.
export const slugParam = z.object({ slug: safeString().refine(isSlug) });
export const idParam = z.object({ id: safeString().refine(isUuid) });
