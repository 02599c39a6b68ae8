export type BodyProblem = "too_large" | "wrong_type" | "not_json";
export type ReadBody = { ok: true; value: unknown } | { ok: false; problem: BodyProblem };

const isJsonType = (type: string | null) => type !== null && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());

/**
 * The request body, refused before it is read when its declared length is over `maxBytes`, and
 * while it is read when the stream runs past it (a missing or false Content-Length changes
 * nothing). "json" also wants a JSON content type and a body that parses.
 */
export async function readBody(request: Request, maxBytes: number, as: "json" | "text"): Promise<ReadBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, problem: "too_large" };
  if (as === "json" && !isJsonType(request.headers.get("content-type"))) return { ok: false, problem: "wrong_type" };

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: "too_large" };
      }
      chunks.push(value);
    }
  }
  // fatal: a body that is not UTF-8 is refused rather than read with replacement characters.
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { ok: false, problem: "not_json" };
  }
  if (as === "text") return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: "not_json" };
  }
}
