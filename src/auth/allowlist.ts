/**
 * Policy: who may sign in. `ALLOWED_USERS` lists emails (`alice@example.com`), logins (`octocat`)
 * and domains (`@example.com`); an empty list lets every account of the upstream provider in.
 */
import { splitList } from "../platform/hosts";

/** What the upstream provider vouched for; only verified emails are ever listed. */
export interface SignedInIdentity {
  /** Stable id the grant and sessions are keyed by, e.g. `github|583231`. */
  userId: string;
  /** For display: a login, an email or a name. */
  label: string;
  verifiedEmails: string[];
  logins: string[];
}

export function isAllowed(identity: SignedInIdentity, allowedUsers: string | undefined): boolean {
  const entries = splitList(allowedUsers);
  if (entries.length === 0) return true;
  const emails = identity.verifiedEmails.map((email) => email.toLowerCase());
  const logins = identity.logins.map((login) => login.toLowerCase());
  return entries.some((entry) => {
    if (entry.startsWith("@")) return emails.some((email) => email.endsWith(entry));
    if (entry.includes("@")) return emails.includes(entry);
    return logins.includes(entry);
  });
}
