import { describe, expect, it } from "vitest";
import { readBody } from "./read-body";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) => new Request("http://localhost/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBody", () => {
  it("parses a JSON body of a JSON content type", async () => {
    expect(await readBody(post('{"a":1}'), 100, "json")).toEqual({ ok: true, value: { a: 1 } });
    expect(await readBody(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }), 100, "json")).toMatchObject({ ok: true });
  });

  it("refuses another content type, broken JSON and bytes that are not UTF-8", async () => {
    expect(await readBody(post('{"a":1}', { "content-type": "text/plain" }), 100, "json")).toEqual({ ok: false, problem: "wrong_type" });
    expect(await readBody(post('{"a":1}', {}), 100, "json")).toEqual({ ok: false, problem: "wrong_type" });
    expect(await readBody(post('{"a":'), 100, "json")).toEqual({ ok: false, problem: "not_json" });
    expect(await readBody(post(new Uint8Array([0x22, 0xc0, 0xaf, 0x22])), 100, "json")).toEqual({ ok: false, problem: "not_json" });
  });

  it("refuses a body over the limit, whether its length is declared or not", async () => {
    expect(await readBody(post("x".repeat(101)), 100, "text")).toEqual({ ok: false, problem: "too_large" });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(10));
        controller.close();
      },
    });
    expect(await readBody(post(stream), 100, "text")).toEqual({ ok: false, problem: "too_large" });
  });
});
