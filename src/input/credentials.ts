// src/input/credentials.ts
// A URL may carry "user:password@" (or a bare token as the user name). The tool never sends it
// (a fetch sends only the headers it is given), so it is dropped where a URL comes in: records,
// error lines, file names and the cache see the address without it.

/** The authority part of any "scheme://…@" URL up to its last "@", when it has one. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i;

/** The URL without its user name and password; anything else (a path, "-") unchanged. */
export function withoutCredentials(spec: string): string {
  if (/^https?:/i.test(spec) && URL.canParse(spec)) {
    const url = new URL(spec);
    if (url.username === '' && url.password === '') return spec;
    url.username = '';
    url.password = '';
    return url.href;
  }
  return spec.replace(USERINFO, '$1');
}
