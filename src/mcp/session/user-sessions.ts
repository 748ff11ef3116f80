/**
 * A signed-in user's open 2025 sessions, counted in the user's state object at the two moments a
 * session can afford a Durable Object request: its opening and its end. No call in between asks
 * anyone. Opening one past `LIMITS.sessionsPerUser` ends the user's oldest session. The local user
 * of AUTH_MODE=none (loopback only) is not counted.
 */
import { userStateOf } from "../stateless/user-state.do";

/** Counts an opening session, and ends those it pushes out (they answer 404, and their storage goes). */
export async function countOpening(env: Env, owner: string, sessionId: string, openedAt: number): Promise<void> {
  const ended = await userStateOf(env, owner).sessionOpened(sessionId, openedAt);
  await Promise.all(
    ended.map((id) =>
      env.MCP_SESSION.getByName(id)
        .close(owner)
        .catch((error: unknown) =>
          console.warn(JSON.stringify({ event: "session_close_failed", error: String(error).slice(0, 200) })),
        ),
    ),
  );
}

/**
 * Stops counting a session that ended by DELETE or idleness. A failure here never keeps a session
 * alive: it stays counted until it is the oldest and pushed out, which ends nothing still open.
 */
export async function countEnd(env: Env, owner: string, sessionId: string): Promise<void> {
  try {
    await userStateOf(env, owner).sessionEnded(sessionId);
  } catch (error) {
    console.warn(JSON.stringify({ event: "session_uncount_failed", error: String(error).slice(0, 200) }));
  }
}
