/** The tool catalog, in the order clients list it. */
import { getBalance } from "./get-balance";
import type { Tool } from "./tool";

// Each tool keeps its own precise types; the catalog only needs the common shape.
export const tools = [getBalance] as unknown as Tool[];
