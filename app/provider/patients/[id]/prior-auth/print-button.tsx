"use client";

/** Opens the browser's print dialog; the page's print stylesheet leaves only the summary. */
export function PrintButton() {
  return (
    <button type="button" className="btn-primary print:hidden" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
