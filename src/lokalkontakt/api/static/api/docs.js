/* The API's documentation page: Swagger UI from the vendored bundle, started here because the
   CSP allows no inline script. Only the bundle's own layout (no standalone preset, whose logo
   carries an inline <style>), and no validator badge from validator.swagger.io. Without
   JavaScript the page's server-rendered overview stands alone. */
(function () {
  "use strict";

  function start() {
    var element = document.getElementById("swagger-ui");
    if (!element || !window.SwaggerUIBundle) { return; }
    element.closest("section").hidden = false;
    window.SwaggerUIBundle({
      url: element.dataset.schemaUrl,
      domNode: element,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      deepLinking: false,
      validatorUrl: null,
      docExpansion: "list",
      defaultModelsExpandDepth: 0,
      syntaxHighlight: false,
      tryItOutEnabled: false
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
