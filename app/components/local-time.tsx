"use client";

import { useSyncExternalStore } from "react";
import { formatInstant } from "@/lib/ui/format";

const subscribe = () => () => {};

/**
 * An instant in the viewer's own time zone, with the zone named. The server renders UTC (it cannot
 * know the viewer's zone); the browser then shows local time.
 */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => formatInstant(iso),
    () => formatInstant(iso, "UTC"),
  );
  return <time dateTime={iso}>{text}</time>;
}
