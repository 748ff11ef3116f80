/**
 * Policy: which auth mode applies to a request. OAuth is the default everywhere; `AUTH_MODE=none`
 * turns it off only for loopback hosts, so a deployed Worker can never be opened by a stray var.
 */
import { isLoopbackHostname } from "../platform/hosts";

export type AuthModeDecision = { mode: "oauth" } | { mode: "none" } | { mode: "refused"; reason: string };

export function decideAuthMode(authMode: string | undefined, url: URL): AuthModeDecision {
  const wanted = (authMode ?? "").trim().toLowerCase() || "oauth";
  if (wanted === "oauth") return { mode: "oauth" };
  if (wanted !== "none") {
    return { mode: "refused", reason: `AUTH_MODE must be "oauth" or "none", not "${wanted}".` };
  }
  if (isLoopbackHostname(url.hostname)) return { mode: "none" };
  return {
    mode: "refused",
    reason:
      `AUTH_MODE=none is honoured only for loopback hosts (localhost, 127.0.0.1, [::1]); ` +
      `this request is for "${url.hostname}". Remove AUTH_MODE or set it to "oauth".`,
  };
}
