// The pictures of a reply (careers/pictures.py sends them as data): pay ranges on one axis,
// and a map of the states. Drawn here as SVG with DOM calls (no library, no eval, no inline
// styles: the page's Content-Security-Policy allows neither), each with its text equivalent
// beside it, visible: the figures are never only in the picture.
(function (HRChat) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var MAP_URL = "vendor/states-albers-10m.json"; // us-atlas, projected to a 975 x 610 viewport
  var MAP_COLOURS = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var NO_ESTIMATE_COLOUR = "#eeeeee";
  var SMALL_STATES = [
    { fips: "11", code: "DC", name: "District of Columbia" },
    { fips: "10", code: "DE", name: "Delaware" },
    { fips: "44", code: "RI", name: "Rhode Island" },
  ];

  function svg(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    if (parent) parent.appendChild(element);
    return element;
  }

  function text(parent, x, y, content, attributes) {
    var element = svg("text", Object.assign({ x: x, y: y }, attributes || {}), parent);
    element.textContent = content;
    return element;
  }

  function html(name, className, content) {
    var element = document.createElement(name);
    if (className) element.className = className;
    if (content !== undefined) element.textContent = content;
    return element;
  }

  function sourceLine(picture) {
    var line = html("p", "picture-source", "Source: ");
    var link = html("a", null, picture.source.name);
    link.href = picture.source.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    line.appendChild(link);
    line.appendChild(document.createTextNode(", " + picture.source.release + "."));
    return line;
  }

  // Round axis steps ($10,000, $25,000, ...) so that about four ticks fit.
  function ticks(low, high) {
    var span = high - low;
    var step = Math.pow(10, Math.floor(Math.log10(span / 4)));
    [1, 2, 2.5, 5, 10].some(function (factor) {
      if (span / (step * factor) <= 5) {
        step *= factor;
        return true;
      }
      return false;
    });
    var values = [];
    for (var value = Math.ceil(low / step) * step; value <= high; value += step) values.push(value);
    return values;
  }

  function shortMoney(value, hourly) {
    if (hourly) return "$" + value.toFixed(value % 1 ? 2 : 0);
    return value >= 1000 ? "$" + Math.round(value / 1000) + "k" : "$" + value;
  }

  var measuring = document.createElement("canvas").getContext("2d");
  function labelWidth(content, bold) {
    measuring.font = (bold ? "700 " : "") + "13px " + window.getComputedStyle(document.body).fontFamily;
    return measuring.measureText(content).width + 4;
  }

  // Where each figure's label goes: the median's above its mark; the others below, the 25th
  // and 10th percentiles ending at their mark and the 75th and 90th starting at theirs, on
  // the first line below where they overlap no label already placed.
  function layOut(point, x, width) {
    var placed = [];
    function place(key, anchor, line) {
      var each = point[key];
      var size = labelWidth(each.label, key === "median");
      var left = anchor === "end" ? x(each.value) - size : anchor === "start" ? x(each.value) : x(each.value) - size / 2;
      left = Math.max(0, Math.min(width - size, left)); // inside the chart
      while (line > 0 && placed.some(function (other) {
        return other.line === line && left < other.left + other.size + 6 && other.left < left + size + 6;
      })) line++;
      placed.push({ key: key, left: left, size: size, line: line, each: each });
    }
    place("median", "middle", 0);
    place("p25", "end", 1);
    place("p75", "start", 1);
    place("p10", "end", 2);
    place("p90", "start", 2);
    return placed;
  }

  // One row per range: its name (when there are several), the box of the middle half, the
  // line from the 10th to the 90th percentile, the median's mark, and each figure labelled.
  function drawRanges(holder, picture) {
    var width = Math.max(240, Math.floor(holder.clientWidth || 320));
    var axisHeight = 26;
    var lineHeight = 15;
    var pad = 8;
    var values = [];
    picture.series.forEach(function (series) {
      series.points.forEach(function (point) {
        values.push(point.value);
      });
    });
    var low = Math.min.apply(null, values);
    var high = Math.max.apply(null, values);
    var margin = (high - low) * 0.04 || 1;
    low -= margin;
    high += margin;
    var x = function (value) {
      return pad + ((value - low) / (high - low)) * (width - 2 * pad);
    };
    var named = picture.series.length > 1;
    var rows = picture.series.map(function (series) {
      var point = {};
      series.points.forEach(function (each) {
        point[each.key] = each;
      });
      var labels = layOut(point, x, width);
      var lines = Math.max.apply(null, labels.map(function (label) {
        return label.line;
      }));
      return { series: series, point: point, labels: labels, height: (named ? 18 : 0) + 40 + lines * lineHeight + 8 };
    });
    var height = rows.reduce(function (sum, row) {
      return sum + row.height;
    }, 0) + axisHeight;
    var chart = svg("svg", {
      class: "chart pay-range",
      width: width,
      height: height,
      viewBox: "0 0 " + width + " " + height,
      role: "img",
      "aria-label": picture.title + ". " + picture.text,
    });
    var hourly = picture.unit === "an hour";
    ticks(low, high).forEach(function (value) {
      svg("line", { class: "grid", x1: x(value), x2: x(value), y1: 0, y2: height - axisHeight + 4 }, chart);
      var at = x(value);
      // A tick's figure stays inside the chart: anchored at the edge it would cross.
      var anchor = at < 20 ? "start" : at > width - 20 ? "end" : "middle";
      text(chart, at, height - 8, shortMoney(value, hourly), { class: "tick", "text-anchor": anchor });
    });
    var top = 0;
    rows.forEach(function (row, index) {
      var point = row.point;
      if (named) text(chart, 0, top + 13, row.series.name, { class: "series-name" });
      var mid = top + (named ? 18 : 0) + 30;
      var marks = svg("g", { class: "marks", "data-series": row.series.name }, chart);
      svg("line", { class: "mark whisker", x1: x(point.p10.value), x2: x(point.p90.value), y1: mid, y2: mid }, marks);
      svg("rect", {
        class: "mark box series-" + index,
        x: x(point.p25.value),
        y: mid - 8,
        width: Math.max(1, x(point.p75.value) - x(point.p25.value)),
        height: 16,
        rx: 3,
      }, marks);
      svg("line", { class: "mark median", x1: x(point.median.value), x2: x(point.median.value), y1: mid - 12, y2: mid + 12 }, marks);
      row.labels.forEach(function (label) {
        var y = label.line === 0 ? mid - 16 : mid + 12 + label.line * lineHeight;
        text(chart, label.left + 2, y, label.each.label, {
          class: "figure-label" + (label.key === "median" ? " median-label" : label.line > 1 ? " end-label" : ""),
          "data-key": label.key,
        });
      });
      top += row.height;
    });
    holder.replaceChildren(chart);
  }

  function payRange(picture) {
    var figure = html("figure", "picture picture-pay-range");
    figure.appendChild(html("figcaption", "picture-title", picture.title));
    var holder = html("div", "chart-holder");
    figure.appendChild(holder);
    var legend = html("p", "picture-legend", "Box: the middle half (25th to 75th percentile); line: 10th to 90th; mark: the median.");
    figure.appendChild(legend);
    figure.appendChild(html("p", "picture-text", picture.text));
    figure.appendChild(sourceLine(picture));
    var drawnWidth = 0;
    // Drawn at the width it gets, in pixels, so that the labels keep their size on a phone.
    new ResizeObserver(function () {
      var width = Math.floor(holder.clientWidth);
      if (width && Math.abs(width - drawnWidth) > 4) {
        drawnWidth = width;
        drawRanges(holder, picture);
      }
    }).observe(holder);
    return figure;
  }

  var atlas = null;
  function loadAtlas() {
    if (!atlas) {
      atlas = fetch(MAP_URL).then(function (response) {
        if (!response.ok) throw new Error("map " + response.status);
        return response.json();
      });
      atlas.catch(function () {
        atlas = null; // try again with the next map
      });
    }
    return atlas;
  }

  function ringPath(ring) {
    return "M" + ring.map(function (point) {
      return point[0].toFixed(1) + "," + point[1].toFixed(1);
    }).join("L") + "Z";
  }

  function geometryPath(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map(function (rings) {
      return rings.map(ringPath).join("");
    }).join("");
  }

  // Five classes of (about) equal numbers of states, darker for more.
  function classes(states) {
    var sorted = states.map(function (state) {
      return state.value;
    }).sort(function (a, b) {
      return a - b;
    });
    var bounds = [];
    for (var i = 1; i < MAP_COLOURS.length; i++) bounds.push(sorted[Math.floor((i * sorted.length) / MAP_COLOURS.length)]);
    return {
      bounds: bounds,
      of: function (value) {
        var index = 0;
        while (index < bounds.length && value >= bounds[index]) index++;
        return index;
      },
    };
  }

  function drawMap(holder, readout, picture, topology) {
    var byFips = {};
    picture.states.forEach(function (state, index) {
      byFips[state.fips] = Object.assign({ rank: index + 1 }, state);
    });
    var scale = classes(picture.states);
    var listed = picture.listed || [];
    function describe(state) {
      return state.name + ": " + state.label + " (" + state.rank + " of " + picture.states.length + ")";
    }
    function react(element, words) {
      ["click", "mouseenter"].forEach(function (kind) {
        element.addEventListener(kind, function () {
          readout.textContent = words;
        });
      });
    }
    var map = svg("svg", {
      class: "chart state-map",
      viewBox: "0 0 975 610",
      role: "img",
      "aria-label": picture.title + ". " + picture.text,
    });
    var features = window.topojson.feature(topology, topology.objects.states).features;
    var outlined = [];
    features.forEach(function (feature) {
      var state = byFips[feature.id];
      var path = svg("path", {
        class: "state" + (state ? "" : " no-estimate"),
        d: geometryPath(feature.geometry),
        fill: state ? MAP_COLOURS[scale.of(state.value)] : NO_ESTIMATE_COLOUR,
        "data-fips": feature.id,
      });
      var words = state ? describe(state) : feature.properties.name + ": no estimate published";
      svg("title", {}, path).textContent = words;
      react(path, words);
      if (listed.indexOf(feature.id) >= 0) {
        path.setAttribute("class", "state listed");
        outlined.push(path);
      } else {
        map.appendChild(path);
      }
    });
    // The smallest states are a few pixels on a phone: each gets a box to point at, off the coast.
    SMALL_STATES.forEach(function (small, index) {
      var state = byFips[small.fips];
      var words = state ? describe(state) : small.name + ": no estimate published";
      var y = 300 + index * 44;
      var box = svg("rect", {
        class: "state state-box" + (listed.indexOf(small.fips) >= 0 ? " listed" : ""),
        x: 930, y: y, width: 34, height: 34, rx: 3,
        fill: state ? MAP_COLOURS[scale.of(state.value)] : NO_ESTIMATE_COLOUR,
        "data-fips": small.fips,
      }, map);
      svg("title", {}, box).textContent = words;
      react(box, words);
      text(map, 924, y + 23, small.code, { class: "state-box-label", "text-anchor": "end" });
    });
    outlined.forEach(function (path) {
      map.appendChild(path); // drawn last, so that their outline is not hidden by a neighbour's
    });
    holder.replaceChildren(map);
  }

  function mapLegend(picture) {
    var scale = classes(picture.states);
    var legend = html("ul", "map-legend");
    legend.setAttribute("aria-label", "Legend");
    var members = MAP_COLOURS.map(function () {
      return [];
    });
    picture.states.forEach(function (state) {
      members[scale.of(state.value)].push(state);
    });
    members.forEach(function (states, index) {
      if (!states.length) return;
      states.sort(function (a, b) {
        return a.value - b.value;
      });
      var item = html("li");
      var swatch = svg("svg", { width: 14, height: 14, "aria-hidden": "true" });
      svg("rect", { width: 14, height: 14, fill: MAP_COLOURS[index], stroke: "#8a96a3" }, swatch);
      item.appendChild(swatch);
      var low = states[0].label;
      var high = states[states.length - 1].label;
      item.appendChild(document.createTextNode(low === high ? low : low + " to " + high));
      legend.appendChild(item);
    });
    legend.appendChild(html("li", "legend-listed", "Outlined: the " + (picture.listed || []).length + " listed"));
    return legend;
  }

  function statesTable(picture) {
    var details = html("details", "all-states");
    details.appendChild(html("summary", null, "All " + picture.states.length + " states and areas, as a table"));
    var box = html("div", "table-box");
    var table = html("table");
    var head = table.createTHead().insertRow();
    ["#", "State", picture.measure].forEach(function (title) {
      var th = html("th", null, title);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    picture.states.forEach(function (state, index) {
      var row = body.insertRow();
      [String(index + 1), state.name, state.label].forEach(function (value, column) {
        var cell = row.insertCell();
        cell.textContent = value;
        cell.setAttribute("data-label", ["#", "State", picture.measure][column]);
      });
    });
    box.appendChild(table);
    details.appendChild(box);
    return details;
  }

  function stateMap(picture) {
    var figure = html("figure", "picture picture-state-map");
    figure.appendChild(html("figcaption", "picture-title", picture.title));
    // The readout above the map: below it, the question box could cover it on a short screen.
    var readout = html("p", "map-readout", "Tap or point at a state for its figure.");
    readout.setAttribute("aria-live", "polite");
    figure.appendChild(readout);
    var holder = html("div", "map-holder", "Loading the map...");
    figure.appendChild(holder);
    figure.appendChild(mapLegend(picture));
    figure.appendChild(html("p", "picture-text", picture.text));
    figure.appendChild(statesTable(picture));
    figure.appendChild(sourceLine(picture));
    loadAtlas().then(
      function (topology) {
        drawMap(holder, readout, picture, topology);
      },
      function () {
        holder.textContent = "The map could not be loaded; the figures are below.";
      }
    );
    return figure;
  }

  // A picture the page does not know is left out: its reply's text carries the figures.
  HRChat.drawPicture = function (picture) {
    if (!picture || typeof picture !== "object") return null;
    if (picture.kind === "pay_range" && Array.isArray(picture.series)) return payRange(picture);
    if (picture.kind === "state_map" && Array.isArray(picture.states)) return stateMap(picture);
    return null;
  };
})((window.HRChat = window.HRChat || {}));
