// Names the country or counterpart under the pointer or the keyboard focus
// below the map. The map works without it: every link has its own name.
(function () {
  "use strict";
  document.querySelectorAll(".world-map").forEach(function (map) {
    var label = map.querySelector(".map-label");
    if (!label) { return; }
    function show(event) {
      var link = event.target.closest("a");
      if (link && map.contains(link)) { label.textContent = link.getAttribute("aria-label"); }
    }
    function clear() { label.textContent = ""; }
    map.addEventListener("focusin", show);
    map.addEventListener("mouseover", show);
    map.addEventListener("focusout", clear);
    map.addEventListener("mouseleave", clear);
  });
}());
