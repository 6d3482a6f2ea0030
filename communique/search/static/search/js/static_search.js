// The static mirror's search page: Pagefind's index of the statements in the page's
// language, searched in the browser. `?q=` (what the header's search form sends) starts
// a search at once, as on the live site.
window.addEventListener("DOMContentLoaded", function () {
  var options = JSON.parse(document.getElementById("static-search-options").textContent);
  options.element = "#static-search";
  var ui = new PagefindUI(options);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
