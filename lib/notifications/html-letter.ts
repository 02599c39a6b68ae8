import "server-only";

// The HTML part of every email: the same words as the plain-text part, escaped, in one narrow
// column with inline styles (mail clients drop style sheets). Nothing here reads data; callers
// pass only what their plain-text part already says.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

export type HtmlLetter = {
  subject: string;
  paragraphs: string[];
  /** Label and value lines ("When", "Where"), shown as a small table. */
  facts?: [string, string][];
  action: { label: string; url: string };
  after?: string[];
};

export function renderHtmlLetter(letter: HtmlLetter): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const facts = letter.facts?.length
    ? `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${letter.facts
        .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;color:#475569;font-weight:600;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
        .join("")}</table>`
    : "";
  const url = escapeHtml(letter.action.url);
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">`,
    ...letter.paragraphs.map(paragraph),
    facts,
    `<p style="margin:0 0 16px"><a href="${url}" style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(letter.action.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:14px;color:#475569">Or copy this address into your browser: ${url}</p>`,
    ...(letter.after ?? []).map(paragraph),
    `<p style="margin:0;color:#475569">— Relief Finder</p>`,
    `</body></html>`,
  ].join("");
}
