/* Search over the Pagefind index; the form also works as a plain GET (?q=…). */
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pagefind = null;

  function load() {
    /* Pagefind derives result URLs from where pagefind.js lives, so a site served
       below a path (GitHub Pages) gets correct links without options. A build that
       could not index the site leaves a stand-in that says so (plugins/search). */
    if (!pagefind) {
      pagefind = import(form.dataset.pagefind).then(function (pf) {
        if (pf.unavailable) throw new Error("no search index");
        return pf;
      });
    }
    return pagefind;
  }

  function unavailable() {
    status.textContent = form.dataset.unavailable;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; /* Pagefind escapes the text and adds <mark> */
    li.append(link, excerpt);
    return li;
  }

  function run(query) {
    list.replaceChildren();
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    load().then(function (pf) { return pf.search(query); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }))
          .then(function (results) {
            status.textContent = search.results.length + " result" +
              (search.results.length === 1 ? "" : "s") + " for “" + query + "”";
            results.forEach(function (data) { list.append(item(data)); });
          });
      })
      .catch(unavailable);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
  else load().catch(unavailable); /* say so before anyone types, if there is no index */
})();
