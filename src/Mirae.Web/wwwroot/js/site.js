// Loaded in <head> on every page. Marks the document as scripted at once (so the narrow-screen menu starts folded
// without a flash), then wires the buttons that open and close a panel:
//   data-toggle="overlay"    the full-screen menu below 1024 px: focus moves into it, the page behind is inert,
//                            Escape or the close button ([data-close]) shuts it and focus returns to the button;
//   data-toggle="disclosure" a panel that folds in place (the staff menu on a phone).
// Without a script the buttons stay hidden and every panel is simply shown.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var desktop = window.matchMedia("(min-width: 1024px)");

  function wire(button) {
    if (button.hasAttribute("data-wired")) {
      return;
    }
    button.setAttribute("data-wired", "");
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) {
      return;
    }
    var overlay = button.getAttribute("data-toggle") === "overlay";
    var inerted = [];

    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("is-open", open);
      if (!overlay) {
        return;
      }
      document.body.classList.toggle("menu-open", open);
      inerted.forEach(function (element) { element.inert = false; });
      inerted = [];
      if (open) {
        // Everything but the panel becomes inert, so Tab stays inside the menu.
        for (var node = panel; node && node !== document.body; node = node.parentElement) {
          Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
            if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") {
              sibling.inert = true;
              inerted.push(sibling);
            }
          });
        }
      }
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      set(open);
      if (open && overlay) {
        var first = panel.querySelector("[data-close], a, button");
        if (first) {
          first.focus();
        }
      }
    });
    panel.querySelectorAll("[data-close]").forEach(function (close) {
      close.addEventListener("click", function () {
        set(false);
        button.focus();
      });
    });
    if (overlay) {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
          set(false);
          button.focus();
        }
      });
      // Widening the window past the breakpoint shows the menu in the header again: nothing stays inert.
      desktop.addEventListener("change", function () {
        if (desktop.matches) {
          set(false);
        }
      });
    }
  }

  // Data tables of four or more columns become stacked cards on a phone (CSS, below 768 px): each cell is given its
  // column's name to show beside it, and the table's roles are stated, since display:block hides them from some
  // screen readers.
  function stackTables(root) {
    root.querySelectorAll("table.data-table:not(.stacked)").forEach(function (table) {
      var heads = table.querySelectorAll("thead th");
      if (heads.length < 4) {
        return;
      }
      // A column headed by a control (select all) or by nothing is shown without a name.
      var names = Array.prototype.map.call(heads, function (th) { return th.querySelector("input, button") ? "" : th.textContent.trim(); });
      table.setAttribute("role", "table");
      table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
      table.querySelectorAll("tr").forEach(function (row) { row.setAttribute("role", "row"); });
      heads.forEach(function (th) { th.setAttribute("role", "columnheader"); });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
          if (names[i] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[i]);
          }
        });
      });
      table.classList.add("stacked");
    });
  }

  function start() {
    document.querySelectorAll("button[data-toggle]").forEach(wire);
    stackTables(document);
    // An error summary's link to a field the page does not have becomes plain text.
    document.querySelectorAll("a[data-error-link]").forEach(function (link) {
      if (!document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)))) {
        link.replaceWith(document.createTextNode(link.textContent));
      }
    });
    // A "select all" box checks or clears the boxes it names (data-check-all="their name") in its form.
    document.querySelectorAll("input[data-check-all]").forEach(function (all) {
      all.addEventListener("change", function () {
        var scope = all.form || document;
        scope.querySelectorAll('input[type=checkbox][name="' + all.getAttribute("data-check-all") + '"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
    // Results that htmx swaps in (the directory search) get the same treatment.
    document.addEventListener("htmx:load", function (event) {
      var root = event.detail.elt.parentElement || document;
      stackTables(root);
      root.querySelectorAll("button[data-toggle]").forEach(wire);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
