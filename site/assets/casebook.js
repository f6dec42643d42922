/* casebook dashboard: filter and sort the open-cases table. */
(function () {
  "use strict";
  var table = document.querySelector("table[data-filterable]");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var keys = (table.getAttribute("data-filterable") || "").split(" ").filter(Boolean);
  var searchKey = table.getAttribute("data-search");
  var labels = {};
  try { labels = JSON.parse(table.getAttribute("data-labels") || "{}"); } catch (e) { labels = {}; }
  var text = { all: table.getAttribute("data-all") || "*", shown: table.getAttribute("data-shown") || "",
               of: table.getAttribute("data-of") || "/", reset: table.getAttribute("data-reset") || "x",
               search: table.getAttribute("data-search-label") || "" };
  var controls = {};
  var bar = document.createElement("div");
  bar.className = "filters";
  bar.id = "filters";

  function labelFor(key, value) { return (labels[key] && labels[key][value]) || value; }

  keys.forEach(function (key) {
    var values = [];
    rows.forEach(function (r) {
      var v = r.getAttribute("data-" + key);
      if (v && values.indexOf(v) < 0) { values.push(v); }
    });
    values.sort(function (a, b) { return labelFor(key, a).localeCompare(labelFor(key, b)); });
    var label = document.createElement("label");
    label.appendChild(document.createTextNode((labels._columns && labels._columns[key]) || key));
    var select = document.createElement("select");
    select.setAttribute("data-filter", key);
    var any = document.createElement("option");
    any.value = "";
    any.textContent = text.all;
    select.appendChild(any);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = labelFor(key, v);
      select.appendChild(o);
    });
    select.addEventListener("change", apply);
    label.appendChild(select);
    bar.appendChild(label);
    controls[key] = select;
  });
  if (searchKey) {
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(text.search));
    var input = document.createElement("input");
    input.type = "search";
    input.setAttribute("data-filter", searchKey);
    input.addEventListener("input", apply);
    label.appendChild(input);
    bar.appendChild(label);
    controls[searchKey] = input;
  }
  var reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = text.reset;
  reset.addEventListener("click", function () {
    Object.keys(controls).forEach(function (k) { controls[k].value = ""; });
    apply();
  });
  bar.appendChild(reset);
  var count = document.createElement("output");
  count.id = "filter-count";
  bar.appendChild(count);
  table.parentNode.insertBefore(bar, table);

  // State from the address: #kind=repair&level=supervisor
  (location.hash || "").replace(/^#/, "").split("&").forEach(function (pair) {
    var kv = pair.split("=");
    var key = decodeURIComponent(kv[0] || "");
    if (controls[key]) { controls[key].value = decodeURIComponent(kv[1] || ""); }
  });

  function apply() {
    var shown = 0;
    var state = [];
    Object.keys(controls).forEach(function (k) {
      if (controls[k].value) { state.push(encodeURIComponent(k) + "=" + encodeURIComponent(controls[k].value)); }
    });
    rows.forEach(function (r) {
      var ok = keys.every(function (k) {
        var want = controls[k].value;
        return !want || r.getAttribute("data-" + k) === want;
      });
      if (ok && searchKey && controls[searchKey].value) {
        ok = (r.getAttribute("data-" + searchKey) || "").indexOf(controls[searchKey].value.trim()) === 0;
      }
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.value = text.shown + " " + shown + " " + text.of + " " + rows.length;
    count.setAttribute("data-shown", String(shown));
    if (history.replaceState) {
      try { history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname + location.search); } catch (e) { /* file:// in some browsers */ }
    }
  }

  // Sorting: click a heading; cells sort by data-sort, else their text.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      function key(r) {
        var cell = r.cells[index];
        return cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var nx = Number(x), ny = Number(y);
        var c = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  apply();
  document.documentElement.setAttribute("data-script", "ready");
})();
