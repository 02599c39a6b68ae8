"use client";

import { ErrorPanel } from "./components/error-panel";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel title="We couldn't load this page" error={error} retry={retry} />;
}
