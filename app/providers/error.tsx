"use client";

import { ErrorPanel } from "../components/error-panel";

export default function ProvidersError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel title="We couldn't load providers" error={error} retry={retry} />;
}
