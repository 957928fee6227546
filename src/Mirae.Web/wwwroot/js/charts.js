// Draws each <canvas data-chart="table-id"> from the table it names: the table is the data (and what screen readers
// and people without JavaScript read); the chart only shows it. Labels come from the row headers, values from the
// first numeric cell (data-value when given).
(function () {
  "use strict";
  function draw() {
    if (typeof window.Chart !== "function") {
      return;
    }
    // Canvas text does not inherit CSS: use the page's font (Pretendard GOV) so Korean labels render.
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.size = 14;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var table = document.getElementById(canvas.getAttribute("data-chart"));
      if (!table) {
        return;
      }
      var labels = [];
      var values = [];
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var cell = row.querySelector("td");
        labels.push(row.querySelector("th").textContent.trim());
        values.push(Number(cell.getAttribute("data-value") || cell.textContent.trim()));
      });
      var type = canvas.getAttribute("data-chart-type") || "bar";
      new window.Chart(canvas, {
        type: type,
        data: { labels: labels, datasets: [{ label: table.querySelector("caption").textContent.trim(), data: values, stepped: type === "line", backgroundColor: "#256ef4", borderColor: "#256ef4" }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
