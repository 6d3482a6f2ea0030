// The static mirror's search page: Pagefind's indexes of the statements in the page's
// language, searched in the browser. A language's index comes in bundles (see
// communique/mirror/search_index.py), listed in bundles.json and merged into one search.
// `?q=` (what the header's search form sends) starts a search at once, as on the live site.
window.addEventListener("DOMContentLoaded", function () {
  var options = JSON.parse(document.getElementById("static-search-options").textContent);
  var base = options.bundlePath;
  fetch(base + "bundles.json")
    .then(function (response) {
      return response.ok ? response.json() : [];
    })
    .then(function (bundles) {
      if (!bundles.length) {
        return;
      }
      options.element = "#static-search";
      options.bundlePath = base + bundles[0] + "/";
      options.mergeIndex = bundles.slice(1).map(function (name) {
        return { bundlePath: base + name + "/" };
      });
      var ui = new PagefindUI(options);
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) {
        ui.triggerSearch(query);
      }
    });
});
