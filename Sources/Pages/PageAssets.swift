/// crrspec's one stylesheet and one script, embedded in every page. Every rule that sets a text
/// colour sets a background too (or sits on the white page), and each pair has a contrast
/// ratio of at least 4.5:1 (tested).
public enum PageAssets {
    public static let css = """
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #ffffff; }
    main { max-width: 1100px; margin: 0 auto; padding: 0 20px 40px; }
    h1 { font-size: 1.7em; margin: 0.6em 0 0.3em; color: #1b1f24; background: #ffffff; }
    h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; border-bottom: 1px solid #c8ccd2; color: #1b1f24; background: #ffffff; }
    h3 { font-size: 1.1em; margin: 1.2em 0 0.4em; color: #1b1f24; background: #ffffff; }
    a { color: #0b4fb3; background: transparent; }
    a:visited { color: #5b2a86; }
    nav.crumbs { padding: 8px 20px; color: #1b1f24; background: #eef1f5; border-bottom: 1px solid #c8ccd2; }
    footer { padding: 12px 20px; color: #3d4550; background: #f4f5f7; border-top: 1px solid #c8ccd2; font-size: 0.85em; }
    code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; color: #1b1f24; background: #f1f3f6; }
    code { padding: 0 3px; border-radius: 3px; }
    pre { padding: 8px 10px; overflow-x: auto; border: 1px solid #d7dbe0; border-radius: 4px; }
    table { border-collapse: collapse; margin: 0.4em 0 1em; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; color: #1b1f24; background: #ffffff; }
    th, td { border: 1px solid #d7dbe0; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { color: #1b1f24; background: #e9edf2; }
    td table { margin: 4px 0; }
    .muted { color: #4a525c; background: #ffffff; }
    .method { display: inline-block; min-width: 4.2em; text-align: center; font-weight: 700; border-radius: 3px; padding: 0 6px; color: #ffffff; background: #3b4a5c; }
    .method.get { color: #ffffff; background: #1d6b3a; }
    .method.post { color: #ffffff; background: #0b4fb3; }
    .method.put { color: #ffffff; background: #8a4b00; }
    .method.patch { color: #ffffff; background: #6b3fa0; }
    .method.delete { color: #ffffff; background: #a11b1b; }
    .operation { border: 1px solid #d7dbe0; border-radius: 6px; padding: 6px 14px 10px; margin: 12px 0; }
    .operation h3 { margin-top: 0.4em; }
    .schema { border: 1px solid #d7dbe0; border-radius: 6px; padding: 6px 14px 10px; margin: 12px 0; }
    .badge { display: inline-block; font-size: 0.8em; padding: 0 6px; border-radius: 9px; color: #1b1f24; background: #e3e7ec; }
    .badge.required { color: #7a1212; background: #fde8e8; }
    .badge.rule { color: #5a3300; background: #fff1d6; }
    .badge.valid { color: #13532f; background: #e7f6ec; }
    .badge.deprecated { color: #5a3300; background: #fff1d6; }
    .c-breaking, .bump-MAJOR { color: #8a1414; background: #fdecec; }
    .c-warning, .bump-MINOR { color: #6b4200; background: #fff4dc; }
    .c-compatible, .bump-MINI { color: #13532f; background: #e7f6ec; }
    .c-documentation, .bump-NONE { color: #30363d; background: #eef1f5; }
    .unresolved { padding: 0 4px; border: 1px dashed #8a1414; border-radius: 3px; color: #8a1414; background: #fdecec; }
    .unresolved-list { padding: 2px 14px 6px; margin: 12px 0; border: 1px solid #e2a5a5; border-radius: 6px; color: #1b1f24; background: #fdecec; }
    .unresolved-list h2 { border-bottom: none; color: #8a1414; background: #fdecec; }
    .change { padding: 4px 8px; margin: 4px 0; border-left: 4px solid #c8ccd2; }
    .filter { margin: 10px 0 16px; color: #1b1f24; background: #ffffff; }
    .filter input { font: inherit; padding: 4px 8px; width: 22em; max-width: 100%; color: #1b1f24; background: #ffffff; border: 1px solid #6b7380; border-radius: 4px; }
    [hidden] { display: none !important; }
    .timeline { display: block; margin: 4px 0 10px; }
    .legend span { margin-right: 14px; }
    .frame { border: 1px solid #d7dbe0; border-radius: 4px; margin: 6px 0 14px; overflow-x: auto; }
    .frame .line { display: block; white-space: pre; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; color: #1b1f24; background: #ffffff; }
    .frame .line .no { display: inline-block; min-width: 4em; padding-right: 8px; text-align: right; color: #4a525c; background: #f1f3f6; user-select: none; }
    .frame .line.hit { color: #1b1f24; background: #fdecec; }
    .frame .fold { display: block; padding: 2px 8px; font-style: italic; color: #4a525c; background: #f4f5f7; }
    .marker { font-weight: 700; color: #8a1414; background: #fdecec; }
    .finding { margin: 2px 0 2px 4.6em; color: #8a1414; background: #ffffff; }
    .bar { fill: #0b4fb3; }
    .bar-label { fill: #1b1f24; font-size: 12px; }

    """

    public static let script = """
    (function () {
      var box = document.getElementById('crr-filter');
      if (!box) { return; }
      var items = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
      var count = document.getElementById('crr-filter-count');
      function apply() {
        var q = box.value.trim().toLowerCase();
        var shown = 0;
        items.forEach(function (el) {
          var hit = !q || el.getAttribute('data-filter').toLowerCase().indexOf(q) >= 0;
          el.hidden = !hit;
          if (hit) { shown += 1; }
        });
        if (count) { count.textContent = q ? shown + ' of ' + items.length + ' shown' : ''; }
      }
      box.addEventListener('input', apply);
      if (location.hash.indexOf('#filter=') === 0) { box.value = decodeURIComponent(location.hash.slice(8)); }
      apply();
    })();

    """
}
