/* Lokalkontakt: progressive enhancement only; every page works without this file. */
(function () {
  "use strict";

  function initDesignSystem() {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init();
    }
  }

  function initMaps(root) {
    if (!window.L) { return; }
    root.querySelectorAll(".area-map[data-lat]").forEach(function (element) {
      if (element.dataset.ready) { return; }
      element.dataset.ready = "1";
      var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
      var map = window.L.map(element, { scrollWheelZoom: false, attributionControl: !!element.dataset.tiles })
        .setView(point, 11);
      if (element.dataset.tiles) {
        window.L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || "" }).addTo(map);
      } else {
        element.classList.add("area-map--no-tiles");
      }
      // A vector marker: no image path to break under hashed static file names.
      window.L.circleMarker(point, { radius: 9, weight: 3, color: "#004993", fillColor: "#0059b3", fillOpacity: 0.8 })
        .addTo(map).bindTooltip(element.dataset.name, { permanent: true, direction: "top", offset: [0, -10] });
    });
  }

  function initLanguageSelect() {
    document.querySelectorAll(".language-form").forEach(function (form) {
      var select = form.querySelector("select");
      if (select) { select.addEventListener("change", function () { form.submit(); }); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initDesignSystem();
    initMaps(document);
    initLanguageSelect();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    initMaps(event.target);
  });
})();
