/**
 * What crosses between the Worker and a session object on each request: the request as the
 * Worker has checked and parsed it, and the answer the object gives back. The one contract of
 * `http.ts` (the Worker's side) and `session.do.ts` (the object's).
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/server";

/** One HTTP request of a session, as the Worker hands it over. */
export interface SessionRequest {
  /** The session's id, as the client names it (the object's own name). */
  sessionId: string;
  /** Who is calling, as the auth layer established: a session answers its owner only. */
  owner: string;
  /** True when a credential named the owner: their sessions are counted and capped per user. */
  verified?: boolean;
  method: "POST" | "GET" | "DELETE";
  /** POST: the body's messages, already checked to be JSON-RPC; `batch` when they came as an array. */
  messages?: JSONRPCMessage[];
  batch?: boolean;
  /** POST: the one message is a plain tools/call (./plain-call.ts), as the Worker found it. */
  plainCall?: boolean;
  /** True for the POST with `initialize` that creates this session. */
  opens?: boolean;
  acceptsSse: boolean;
  lastEventId?: string | null;
}

/** A finished answer as its parts, which JS RPC copies as one value instead of piping a body. */
export interface FinishedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What `handle` answers: a streamed answer as the Response itself, any other as its parts. */
export type SessionAnswer = Response | FinishedAnswer;
