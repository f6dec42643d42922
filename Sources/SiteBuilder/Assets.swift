/// The dashboard's stylesheet and script, written to `assets/` of the output.
enum Assets {
    static let files: [(path: String, content: String)] = [
        ("assets/casebook.css", css),
        ("assets/casebook.js", script),
    ]

    static let css = """
    /* casebook dashboard */
    :root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--head:#f6f8fa;--late:#b42318;--soon:#9a6700;--ok:#1a7f37;--accent:#0969da}
    *{box-sizing:border-box}
    body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:var(--ink);line-height:1.5}
    header.site{background:#24292f;color:#fff;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:baseline}
    header.site .site-name{margin:0;font-weight:600}
    header.site nav a{color:#fff;margin-right:1rem;text-decoration:none}
    header.site nav a:hover,header.site nav a[aria-current=page]{text-decoration:underline}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem}
    main{padding:1rem 1.5rem;max-width:90rem}
    h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid var(--line)}h3{font-size:1rem}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
    th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
    th{background:var(--head);font-weight:600}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .late,.late a{color:var(--late);font-weight:600}.soon{color:var(--soon)}.ok{color:var(--ok)}.muted{color:var(--muted)}
    tr.late-row td:first-child{border-left:4px solid var(--late)}
    .figures{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}
    .figure{border:1px solid var(--line);padding:.5rem 1rem;border-radius:6px;min-width:9rem}
    .figure b{display:block;font-size:1.6rem}
    .columns{display:flex;gap:2rem;flex-wrap:wrap}.columns>div{flex:1 1 16rem}
    .badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.85em;border:1px solid var(--line)}
    .badge.signed{border-color:var(--ok);color:var(--ok)}.badge.unsigned,.badge.unknown{border-color:var(--soon);color:var(--soon)}
    code{font-family:ui-monospace,monospace;font-size:.9em}
    dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.fields dt{font-weight:600}dl.fields dd{margin:0}
    .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0;padding:.5rem;background:var(--head);border:1px solid var(--line)}
    .filters label{display:flex;flex-direction:column;font-size:.85rem}
    th button.sort{all:unset;cursor:pointer}th[aria-sort=ascending] button.sort::after{content:" ▲"}th[aria-sort=descending] button.sort::after{content:" ▼"}
    svg.chart text{font-size:12px;fill:var(--ink)}svg.chart rect.bar{fill:var(--accent)}svg.chart rect.track{fill:#eaeef2}
    .print-only{display:none}
    footer{padding:1rem 1.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
    @media print{
      @page{size:A4;margin:15mm}
      body{font-size:10.5pt;color:#000}
      header.site,footer,.no-print,.filters{display:none}
      main{padding:0;max-width:none}
      a{color:#000;text-decoration:none}
      h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}
      .figure{border-color:#000}
      svg.chart rect.bar{fill:#555}
      .report section{break-inside:avoid}
      body.page-case .screen-only,body.page-case h1{display:none}
      body.page-case .print-only{display:block}
      form,.form{width:100%}
      table.form{border:1.5pt solid #000;table-layout:fixed}
      table.form th,table.form td{border:.75pt solid #000;padding:2mm 3mm}
      table.form th{background:none;width:26mm;text-align:center;vertical-align:middle}
      table.form td.tall{height:28mm}table.form td.sign{height:16mm}
      .form-title{text-align:center;font-size:16pt;font-weight:700;margin:0 0 4mm}
      .form-meta{display:flex;justify-content:space-between;margin-bottom:2mm}
      .form+.form{break-before:page}
    }
    """

    /// Filtering and sorting for `table[data-filterable]`. Without it the page shows the whole
    /// table in urgency order; with it, selects per column (`data-filterable`), a unit search
    /// (`data-search`), sortable headings, and the state kept in the address (`#kind=repair`).
    static let script = """
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
    """
}
