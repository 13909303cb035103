/*
 * The director's dashboard charts (数据看板), drawn with ECharts from the figures the server put in
 * <div id="dashboard-data" data-charts="{json}">. Nothing here decides a figure: the server counted them, and the
 * same figures stand in the tables beside each chart. Names (channels, categories, units) are data an admin typed:
 * axis and legend labels are drawn on the canvas as text, and every tooltip is built by a formatter that escapes
 * them, so a name like <img onerror> shows as text. A click on a bar, a slice or a point opens the order list the
 * server linked to it. The filter form submits itself when the period or the unit changes.
 */
(function () {
  "use strict";

  var COLORS = { brand: "#0b3d6e", blue: "#2f6db5", green: "#0b6b3a", red: "#b42318", orange: "#a14a00",
    grey: "#52606d", palette: ["#0b3d6e", "#2f6db5", "#0b6b3a", "#a14a00", "#6b3fa0", "#00707a", "#8a5a00",
      "#52606d", "#b42318", "#3d7d3d"] };
  var FONT = 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

  function escapeHtml(value) {
    return String(value === null || value === undefined ? "" : value)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function number(n) {
    return n === null || n === undefined ? "—" : Number(n).toLocaleString("zh-CN");
  }

  function percent(p) {
    return p === null || p === undefined ? "—" : Number(p).toFixed(1) + "%";
  }

  /** Only the order list, on this site: a link in the figures is never followed anywhere else. */
  function follow(link) {
    if (typeof link === "string" && link.indexOf("/console/orders") === 0) {
      window.location.assign(link);
    }
  }

  function base() {
    return {
      textStyle: { fontFamily: FONT },
      animation: false,
      tooltip: { confine: true, backgroundColor: "#ffffff", borderColor: "#b8c2cc", textStyle: { color: "#1f2933" } },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true }
    };
  }

  function line(name, value, color) {
    return '<span style="display:inline-block;width:.6em;height:.6em;border-radius:50%;margin-right:.35em;background:'
      + color + '"></span>' + escapeHtml(name) + "：<strong>" + escapeHtml(value) + "</strong>";
  }

  var builders = {
    trend: function (d, names) {
      var o = base();
      o.tooltip.trigger = "axis";
      o.tooltip.formatter = function (items) {
        var i = items[0].dataIndex;
        return escapeHtml(d.labels[i]) + "<br>" + line(names.orders, number(d.values[i]), COLORS.brand);
      };
      o.xAxis = { type: "category", data: d.labels, axisLabel: { hideOverlap: true } };
      o.yAxis = { type: "value", minInterval: 1 };
      o.series = [{ type: "bar", name: names.orders, data: d.values, itemStyle: { color: COLORS.brand },
        cursor: "pointer" }];
      return { option: o, link: function (p) { return d.links[p.dataIndex]; } };
    },

    channel: function (d, names) {
      var o = base();
      o.tooltip.trigger = "item";
      o.tooltip.formatter = function (p) {
        return escapeHtml(d.labels[p.dataIndex]) + "<br>" + line(names.orders, number(d.values[p.dataIndex]),
          p.color) + "<br>" + line(names.share, percent(d.percents[p.dataIndex]), p.color);
      };
      o.color = COLORS.palette;
      o.series = [{ type: "pie", radius: ["38%", "68%"], center: ["50%", "52%"], avoidLabelOverlap: true,
        label: { formatter: "{b}", fontFamily: FONT }, cursor: "pointer",
        data: d.labels.map(function (label, i) { return { name: label, value: d.values[i] }; }) }];
      return { option: o, link: function (p) { return d.links[p.dataIndex]; } };
    },

    category: function (d, names) {
      var o = base();
      var labels = d.labels.slice().reverse();
      var values = d.values.slice().reverse();
      var links = d.links.slice().reverse();
      var percents = d.percents.slice().reverse();
      o.tooltip.trigger = "item";
      o.tooltip.formatter = function (p) {
        return escapeHtml(labels[p.dataIndex]) + "<br>" + line(names.orders, number(values[p.dataIndex]),
          COLORS.blue) + "<br>" + line(names.share, percent(percents[p.dataIndex]), COLORS.blue);
      };
      o.xAxis = { type: "value", minInterval: 1 };
      o.yAxis = { type: "category", data: labels, axisLabel: { width: 110, overflow: "truncate" } };
      o.series = [{ type: "bar", name: names.orders, data: values, itemStyle: { color: COLORS.blue },
        cursor: "pointer" }];
      return { option: o, link: function (p) { return links[p.dataIndex]; }, rows: labels.length };
    },

    satisfaction: function (d, names) {
      var o = base();
      o.tooltip.trigger = "axis";
      o.tooltip.formatter = function (items) {
        var i = items[0].dataIndex;
        return escapeHtml(d.labels[i]) + "<br>" + line(names.satisfaction, percent(d.satisfaction[i]), COLORS.green)
          + "<br>" + line(names.resolution, percent(d.resolution[i]), COLORS.blue) + "<br>"
          + line(names.rated, number(d.rated[i]), COLORS.grey);
      };
      o.legend = { top: 0, data: [names.satisfaction, names.resolution] };
      o.grid.top = 34;
      o.xAxis = { type: "category", data: d.labels, axisLabel: { hideOverlap: true } };
      o.yAxis = { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } };
      o.series = [
        { type: "line", name: names.satisfaction, data: d.satisfaction, connectNulls: false, symbolSize: 7,
          itemStyle: { color: COLORS.green }, cursor: "pointer" },
        { type: "line", name: names.resolution, data: d.resolution, connectNulls: false, symbolSize: 7,
          itemStyle: { color: COLORS.blue }, lineStyle: { type: "dashed" }, cursor: "pointer" }];
      return { option: o, link: function (p) { return d.links[p.dataIndex]; } };
    },

    due: function (d, names) {
      var o = base();
      var labels = d.labels.slice().reverse();
      var overdue = d.overdue.slice().reverse();
      var atRisk = d.atRisk.slice().reverse();
      var overdueLinks = d.overdueLinks.slice().reverse();
      var atRiskLinks = d.atRiskLinks.slice().reverse();
      o.tooltip.trigger = "axis";
      o.tooltip.axisPointer = { type: "shadow" };
      o.tooltip.formatter = function (items) {
        var i = items[0].dataIndex;
        return escapeHtml(labels[i]) + "<br>" + line(names.overdue, number(overdue[i]), COLORS.red) + "<br>"
          + line(names.atRisk, number(atRisk[i]), COLORS.orange);
      };
      o.legend = { top: 0, data: [names.overdue, names.atRisk] };
      o.grid.top = 34;
      o.xAxis = { type: "value", minInterval: 1 };
      o.yAxis = { type: "category", data: labels, axisLabel: { width: 110, overflow: "truncate" } };
      o.series = [
        { type: "bar", name: names.overdue, stack: "due", data: overdue, itemStyle: { color: COLORS.red },
          cursor: "pointer" },
        { type: "bar", name: names.atRisk, stack: "due", data: atRisk, itemStyle: { color: COLORS.orange },
          cursor: "pointer" }];
      return { option: o, rows: labels.length,
        link: function (p) { return (p.seriesIndex === 0 ? overdueLinks : atRiskLinks)[p.dataIndex]; } };
    }
  };

  function empty(data) {
    return !data || !data.labels || data.labels.length === 0;
  }

  function draw() {
    var holder = document.getElementById("dashboard-data");
    if (!holder || typeof window.echarts === "undefined") {
      return;
    }
    var figures;
    try {
      figures = JSON.parse(holder.getAttribute("data-charts"));
    } catch (e) {
      return;
    }
    var charts = {};
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var key = element.getAttribute("data-chart");
      var data = figures[key];
      if (!builders[key] || empty(data)) {
        element.hidden = true;
        return;
      }
      var built = builders[key](data, figures.names || {});
      if (built.rows) {
        // horizontal bars: room for every row, whatever their number
        element.style.height = Math.max(220, 40 + built.rows * 30) + "px";
      }
      var chart = window.echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(built.option);
      chart.on("click", function (p) { follow(built.link(p)); });
      element.classList.add("drawn");
      charts[key] = chart;
    });
    window.addEventListener("resize", function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
    // the charts by name, for the browser tests (to show a tooltip or find a bar as a pointer would)
    window.hotlineCharts = charts;
  }

  function autoSubmit() {
    var form = document.querySelector("[data-dashboard-filters]");
    if (!form) {
      return;
    }
    ["d-period", "d-unit"].forEach(function (id) {
      var select = document.getElementById(id);
      if (!select) {
        return;
      }
      select.addEventListener("change", function () {
        var period = document.getElementById("d-period");
        // a month or a range needs its dates first: those are submitted with the button
        if (period && (period.value === "pick" || period.value === "range") && id === "d-period") {
          var focus = document.getElementById(period.value === "pick" ? "d-month" : "d-from");
          if (focus) {
            focus.focus();
          }
          return;
        }
        form.requestSubmit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    autoSubmit();
    draw();
  });
})();
