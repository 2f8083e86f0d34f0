/**
 * A CloudFront Function (viewer request, JS 2.0) on the site's default behaviour only: the
 * build's files are the hashed bundle under `/assets/` and a few top-level files
 * (`index.html`, `config.json`, `favicon.svg`); any other path is a screen of the SPA and
 * gets `index.html`, which routes it in the browser.
 *
 * This, rather than error responses mapping 403/404 to `index.html`, because those apply to
 * the whole distribution and would turn the general API's 403s and 404s under `/api/*` into
 * an HTML page. A missing `/assets/…` file stays an error instead of a page that cannot run.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var isAsset = uri.indexOf('/assets/') === 0;
  var isTopLevelFile = /^\\/[^/]+\\.[A-Za-z0-9]+$/.test(uri);
  if (!isAsset && !isTopLevelFile) request.uri = '/index.html';
  return request;
}
`;
