/** Which grant a refresh token names, as the provider writes it: `<user id>:<grant id>:<secret>`. */
import { describe, expect, it } from "vitest";
import { grantOfRefreshToken } from "./refresh-reuse";

describe("grantOfRefreshToken", () => {
  it("reads the user and grant of a well-formed token, and nothing from any other", () => {
    expect(grantOfRefreshToken("local|gina:g123:secret")).toEqual({ userId: "local|gina", grantId: "g123" });
    for (const token of ["", "a:b", "a:b:c:d", ":g:s", "u::s", "u:g:", "sem_key"]) {
      expect(grantOfRefreshToken(token), token).toBeUndefined();
    }
  });
});
