/** Packages without type declarations that the Node-side code imports; each use narrows the shape it needs. */
declare module "oidc-provider";
declare module "autocannon";
