import sharp from "sharp";
import { signUpProvider } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// A phone photo carries where and with what it was taken; the listing shows none of it.

/** A 3000×2000 JPEG with the camera's make and a GPS position in its EXIF. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: "CanaryPhone" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "30/1 16/1 1200/100", GPSMapDatum: "CANARY-GPS-DATUM" } })
    .toBuffer();
}

test("a provider's photo is served re-encoded, without its GPS position or camera", async ({ browser }) => {
  test.slow();
  const provider = await signUpProvider(browser, `Dr. Photo ${Date.now().toString(36)}`, `photo-${Date.now()}@example.com`);
  await provider.getByRole("link", { name: "Start your listing" }).click();
  await provider.getByLabel("Credential").selectOption("MD");
  await provider.getByLabel("Specialty").fill("Neurology");
  await provider.getByLabel("Years in practice").fill("8");
  await provider.getByRole("checkbox", { name: "Chronic migraine" }).check();
  await provider.getByRole("button", { name: "Create listing" }).click();
  await expect(provider.getByRole("status").filter({ hasText: "Listing saved." })).toBeVisible();

  const upload = await phonePhoto();
  expect(upload.includes("CANARY-GPS-DATUM")).toBe(true);

  // Something appended after the image is refused, with the reason, and nothing is shown.
  await provider.getByLabel("JPEG, PNG or WebP, up to 2 MB").setInputFiles({ name: "disguised.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([upload, Buffer.from("PK\u0003\u0004 payload")]) });
  await provider.getByRole("button", { name: "Upload photo" }).click();
  await expect(provider.getByText("This file holds more than a photo")).toBeVisible();
  await expectNoSeriousA11yViolations(provider);

  await provider.getByLabel("JPEG, PNG or WebP, up to 2 MB").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: upload });
  await provider.getByRole("button", { name: "Upload photo" }).click();
  await expect(provider.getByRole("status").filter({ hasText: "Photo updated." })).toBeVisible();

  const src = await provider.getByRole("region", { name: "Photo" }).locator("img").getAttribute("src");
  expect(src).toMatch(/^\/api\/photos\/[0-9a-f-]{36}$/);
  const served = await provider.request.get(src!);
  expect(served.headers()["content-type"]).toBe("image/webp");
  const bytes = await served.body();
  for (const marker of ["CANARY-GPS-DATUM", "CanaryPhone", "Exif"]) expect(bytes.includes(marker)).toBe(false);
  const metadata = await sharp(bytes).metadata();
  expect({ format: metadata.format, width: metadata.width, height: metadata.height, exif: metadata.exif ?? null }).toEqual({ format: "webp", width: 1024, height: 683, exif: null });
});
