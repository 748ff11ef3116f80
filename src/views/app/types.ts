/** What every read tool's result says about where it was read: the views show it under each result. */
export interface ReadContext {
  network: string;
  commitment: string;
  slot: number;
  cache?: { hit: boolean; ageSeconds: number };
}
