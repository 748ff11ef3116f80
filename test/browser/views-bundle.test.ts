/** The committed view script is what `npm run build:views` makes from src/views/app today. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED, viewModuleSource } from "../../scripts/build-views.mjs";

describe("view script", () => {
  it("public/ui/views.js is up to date (else run npm run build:views)", async () => {
    expect(readFileSync(GENERATED, "utf8") === (await viewModuleSource())).toBe(true);
  });
});
