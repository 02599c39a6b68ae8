import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { hasTrailingData, imageEnd } from "./image-end";

const solid = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 120, b: 200 } } });
const noisy = () => sharp(Buffer.from(Array.from({ length: 40 * 30 * 3 }, (_, i) => (i * 7919) % 256)), { raw: { width: 40, height: 30, channels: 3 } });

const images: Record<string, Buffer> = {};

beforeAll(async () => {
  images.png = await solid().png().toBuffer();
  images.jpeg = await noisy().jpeg({ quality: 90 }).toBuffer();
  // Several scans, after an EXIF segment.
  images.progressive = await noisy().jpeg({ progressive: true }).withExif({ IFD0: { Make: "Test" } }).toBuffer();
  images.webp = await noisy().webp().toBuffer();
});

describe("imageEnd", () => {
  it("finds the end of a whole PNG, baseline and progressive JPEG, and WebP", () => {
    expect(imageEnd(images.png!, "image/png")).toBe(images.png!.length);
    expect(imageEnd(images.jpeg!, "image/jpeg")).toBe(images.jpeg!.length);
    expect(imageEnd(images.progressive!, "image/jpeg")).toBe(images.progressive!.length);
    expect(imageEnd(images.webp!, "image/webp")).toBe(images.webp!.length);
  });

  it("finds the same end when something follows it", () => {
    const appended = Buffer.from("PK\u0003\u0004 an archive, or <script>alert(1)</script>");
    for (const [name, type] of [["png", "image/png"], ["jpeg", "image/jpeg"], ["progressive", "image/jpeg"], ["webp", "image/webp"]] as const) {
      const polyglot = Buffer.concat([images[name]!, appended]);
      expect(imageEnd(polyglot, type)).toBe(images[name]!.length);
      expect(hasTrailingData(polyglot, images[name]!.length)).toBe(true);
    }
  });

  it("finds none in a file cut short", () => {
    for (const [name, type] of [["png", "image/png"], ["jpeg", "image/jpeg"], ["progressive", "image/jpeg"], ["webp", "image/webp"]] as const) {
      const whole = images[name]!;
      expect(imageEnd(whole.subarray(0, whole.length - 3), type)).toBeNull();
      expect(imageEnd(whole.subarray(0, Math.floor(whole.length / 2)), type)).toBeNull();
    }
  });
});

describe("hasTrailingData", () => {
  it("ignores zero padding after the end", () => {
    const padded = Buffer.concat([images.png!, Buffer.alloc(16)]);
    expect(hasTrailingData(padded, images.png!.length)).toBe(false);
    expect(hasTrailingData(images.png!, images.png!.length)).toBe(false);
  });
});
