/**
 * The bundled IDLs live among the Worker's static assets (public/idl/, binding ASSETS), outside
 * the script: they weigh about 0.5 MB, and a transaction needs at most a few of them.
 */
import type { IdlLoader } from "./types";

/** Where the IDL files sit among the static assets. */
export const IDL_ASSET_PATH = "/idl/";

/** Reads `/idl/<file>` from the static assets; undefined when there is no such file. */
export function assetIdlLoader(assets: Fetcher): IdlLoader {
  return async (file) => {
    if (!/^[a-z0-9-]+\.json$/.test(file)) return undefined;
    const response = await assets.fetch(`https://assets.invalid${IDL_ASSET_PATH}${file}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`IDL ${file} could not be read from the static assets (${response.status})`);
    return response.json();
  };
}
