import "server-only";
import { cache } from "react";
import { getListedProvider } from "@/lib/providers/queries";

/** One profile read per request, shared by generateMetadata and the page. */
export const getProvider = cache((slug: string) => getListedProvider(slug));
