import Link from "next/link";
import { isDemo } from "@/lib/env";

/** On every page of the local demo, so nobody mistakes it for the real service. */
export function DemoNotice() {
  if (!isDemo()) return null;
  return (
    <p role="note" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950">
      Demo: test payments, no money moves; emails at{" "}
      <Link href="/dev/outbox" className="font-semibold text-amber-950 underline">
        /dev/outbox
      </Link>
    </p>
  );
}
