/**
 * The user's side of the OAuth suites: a browser that signs in and consents, and how it reads a
 * page's form.
 */

/** A browser reduced to what OAuth needs: cookies per origin, manual redirects, form posts. */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; origin?: string } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers = new Headers();
    if (jar.size > 0) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set("content-type", "application/x-www-form-urlencoded");
      // Browsers send Origin on form posts; a page on another site would send its own.
      headers.set("origin", init.origin ?? target.origin);
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(separator + 1).trim());
    }
    return response;
  }

  private jar(origin: string): Map<string, string> {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    return jar;
  }
}

/** The value of a hidden form field in a page, e.g. the consent form's handle. */
export function hiddenInput(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} in page:\n${html}`);
  return match[1];
}
