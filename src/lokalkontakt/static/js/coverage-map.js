/* The coverage map over tiles: loaded only when MAP_TILE_URL is set (areas/_coverage_map_assets.html).
   Leaflet draws the same areas as the server's SVG (the GeoJSON the section's data-geojson names,
   a versioned resource the browser keeps) over the tiles and the SVG's frame is hidden. Each area keeps a real link (a pin), reached with Tab and followed
   with Enter; the map itself pans with the arrow keys and zooms with + and - (Leaflet's keyboard
   handling). Without this file, or without Leaflet, the SVG map stays. */
(function () {
  "use strict";

  var DASH = { solid: null, dots: "2 4", hatch: "8 4" };
  var COLOUR = { covered: "#1b7a3a", interested: "#1b7a3a", handover: "#9c4f00",
                 uncovered: "#b3261e", declined: "#b3261e", unknown: "#595959" };

  function pin(feature) {
    // Built with the DOM, not an HTML string: the names are data.
    var link = document.createElement("a");
    link.href = feature.properties.url;
    link.setAttribute("aria-label", feature.properties.label);
    link.title = feature.properties.label;
    link.className = "coverage-map__pin coverage-map__pin--" + feature.properties.style +
      " coverage-map__pin--" + feature.properties.state;
    return window.L.divIcon({ html: link, className: "", iconSize: [18, 18] });
  }

  function init(section) {
    var svg = section.querySelector(".coverage-map__canvas");
    if (!window.L || !section.dataset.geojson || !svg) { return; }
    window.fetch(section.dataset.geojson, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (areas) { if (areas) { draw(section, svg, areas); } });
  }

  function draw(section, svg, areas) {
    var element = document.createElement("div");
    element.className = "coverage-map__leaflet";
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", document.getElementById("map-heading").textContent);
    svg.parentNode.insertBefore(element, svg);
    svg.hidden = true;
    var map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(section.dataset.tiles, { attribution: section.dataset.attribution || "" }).addTo(map);
    var outlines = window.L.geoJSON(areas, {
      filter: function (feature) { return feature.geometry.type !== "Point"; },
      style: function (feature) {
        var colour = COLOUR[feature.properties.state];
        return { color: colour, weight: 2, fillColor: colour, fillOpacity: 0.35,
                 dashArray: DASH[feature.properties.style] };
      },
      onEachFeature: function (feature, layer) {
        layer.on("click", function () { window.location.href = feature.properties.url; });
      }
    }).addTo(map);
    var pins = areas.features.map(function (feature) {
      return window.L.marker(feature.properties.pin, { icon: pin(feature), keyboard: false,
                                                      interactive: false });
    });
    var group = window.L.featureGroup(pins).addTo(map);
    var bounds = group.getBounds();
    if (outlines.getLayers().length) { bounds.extend(outlines.getBounds()); }
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([56, 10], 7); }
    section.classList.add("coverage-map--tiles");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.querySelector(".coverage-map[data-tiles]");
    if (section) { init(section); }
  });
})();
