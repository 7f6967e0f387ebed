/* Starts Swagger UI (vendored by the swagger-ui-bundle package) on the desk's schema.
   A file, not an inline script, so the page runs under the desk's script-src 'self'. */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
