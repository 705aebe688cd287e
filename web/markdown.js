// The Markdown the assistant writes (careers/formatting.py), rendered as DOM nodes: paragraphs
// (a single line break stays a line break), "- " lists, pipe tables, **bold** and [links](https://...).
// Nothing is parsed as HTML: every piece of text becomes a text node, so a reply (or a title
// quoted back from the user) cannot add elements, attributes or scripts to the page.
(function (HRChat) {
  "use strict";

  var INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

  function inline(parent, text) {
    var last = 0;
    text.replace(INLINE, function (match, bold, linkText, url, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      if (bold !== undefined) {
        var strong = document.createElement("strong");
        strong.textContent = bold;
        parent.appendChild(strong);
      } else {
        var link = document.createElement("a");
        link.href = url;
        link.textContent = linkText;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        parent.appendChild(link);
      }
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function lines(parent, texts) {
    texts.forEach(function (text, index) {
      if (index) parent.appendChild(document.createElement("br"));
      inline(parent, text);
    });
  }

  function cells(line) {
    return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(function (cell) {
      return cell.trim();
    });
  }

  // A table, in a box that scrolls sideways when it is wider than the bubble; on a phone the
  // stylesheet stacks each row instead, every cell under its column's title (data-label).
  function table(rows) {
    var header = cells(rows[0]);
    var body = rows.slice(2).map(cells);
    var element = document.createElement("table");
    var head = element.createTHead().insertRow();
    header.forEach(function (title) {
      var th = document.createElement("th");
      th.scope = "col";
      inline(th, title);
      head.appendChild(th);
    });
    var tbody = element.createTBody();
    body.forEach(function (row) {
      var tr = tbody.insertRow();
      row.forEach(function (cell, column) {
        var td = tr.insertCell();
        td.setAttribute("data-label", header[column] || "");
        inline(td, cell);
      });
    });
    var box = document.createElement("div");
    box.className = "table-box";
    box.tabIndex = 0; // a scrolling region must be reachable by keyboard
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table" + (header[0] ? ": " + header[0] : ""));
    box.appendChild(element);
    return box;
  }

  // Blocks are separated by blank lines, and a block's list or table lines start a new block.
  function blocks(text) {
    var result = [];
    var current = null;
    text.replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
      var kind = /^\s*\|/.test(line) ? "table" : /^- /.test(line) ? "list" : line.trim() ? "paragraph" : null;
      if (!kind) {
        current = null;
        return;
      }
      if (!current || current.kind !== kind) {
        current = { kind: kind, lines: [] };
        result.push(current);
      }
      current.lines.push(kind === "list" ? line.slice(2) : line);
    });
    return result;
  }

  HRChat.renderMarkdown = function (text) {
    var fragment = document.createDocumentFragment();
    blocks(text || "").forEach(function (block) {
      if (block.kind === "table" && block.lines.length >= 2 && /^[\s|:-]+$/.test(block.lines[1])) {
        fragment.appendChild(table(block.lines));
      } else if (block.kind === "list") {
        var list = document.createElement("ul");
        block.lines.forEach(function (line) {
          var item = document.createElement("li");
          inline(item, line);
          list.appendChild(item);
        });
        fragment.appendChild(list);
      } else {
        var paragraph = document.createElement("p");
        lines(paragraph, block.lines);
        fragment.appendChild(paragraph);
      }
    });
    return fragment;
  };
})((window.HRChat = window.HRChat || {}));
