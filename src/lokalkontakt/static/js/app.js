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

  // Below the desktop breakpoint the main menu folds behind the "Menu" button (CSS hides it under
  // `.js`); without this file it is a plain list below the header.
  function initMenu() {
    var button = document.querySelector(".js-menu-toggle");
    var menu = document.getElementById("main-menu");
    if (!button || !menu) { return; }
    document.documentElement.classList.add("js");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    });
  }

  // A submenu (<details>) closes on Escape, back on its summary, and when the user clicks or
  // tabs outside it.
  function initSubmenus() {
    var groups = document.querySelectorAll(".js-submenu");
    groups.forEach(function (details) {
      details.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && details.open) {
          details.open = false;
          details.querySelector("summary").focus();
        }
      });
      details.addEventListener("focusout", function (event) {
        if (event.relatedTarget && !details.contains(event.relatedTarget)) { details.open = false; }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (details) {
        if (details.open && !details.contains(event.target)) { details.open = false; }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initDesignSystem();
    initMaps(document);
    initMenu();
    initSubmenus();
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    initMaps(event.target);
  });
})();
