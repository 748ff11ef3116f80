/**
 * The open 2025 sessions of one signed-in user, as their state object counts them: at most
 * `LIMITS.sessionsPerUser`, and opening one more ends the oldest. Pure: the object stores the list.
 */
import { LIMITS } from "./rules";

export interface OpenSession {
  id: string;
  openedAt: number;
}

/** The list with `opening` counted in, and the ids of the oldest sessions it pushes out. */
export function admitSession(
  open: readonly OpenSession[],
  opening: OpenSession,
  cap: number = LIMITS.sessionsPerUser,
): { open: OpenSession[]; ended: string[] } {
  const all = [...open.filter((session) => session.id !== opening.id), opening].sort((a, b) => a.openedAt - b.openedAt);
  const over = Math.max(0, all.length - cap);
  return { open: all.slice(over), ended: all.slice(0, over).map((session) => session.id) };
}
