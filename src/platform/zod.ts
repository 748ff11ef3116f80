/**
 * What the bare `zod` import resolves to in the bundle (an alias in wrangler.toml): every export
 * of `zod/v4` except the `z` namespace object.
 *
 * esbuild drops whatever an `import * as z from "zod"` never touches, but not what hangs off the
 * `z` object that `import { z } from "zod"` hands out: that one object carries every locale's
 * messages, JSON Schema import and more, about 65 KiB gzipped that this Worker never runs. So
 * code here imports Zod as `import * as z from "zod"`, and the only importer of `{ z }` left is
 * the agents library's MCP client manager, for tools of connected MCP servers, which sessions
 * never have (see unused-modules.ts). Tests in workerd resolve the real `zod`; only the bundle
 * (`wrangler dev`, deploy) sees this module, so a stray `{ z }` shows up there, with this message.
 */
export * from "zod/v4";

export const z: unknown = new Proxy(
  {},
  {
    get() {
      throw new Error('`import { z } from "zod"` is not available in this Worker; use `import * as z from "zod"`.');
    },
  },
);
