"use strict";
/* The sokket unit form. Every rule here is read from the embedded model (#sokket-data):
   the fields and messages from the plan's unit format, the number rules from
   sokket_cli/check/numbers.py, the warnings on an item's text from
   sokket_cli/check/item_text.py, the YAML quoting from sokket_cli/write/unitfile.py. */
(function () {
  var model = JSON.parse(document.getElementById("sokket-data").textContent);
  var format = model.format;
  var NUM = model.numbers;
  var QUOTE = model.quote;
  var ITEM = model.item_text;
  var MAX_DEPTH = 8; // as validate: sub-items nested deeper are refused
  var STORAGE_KEY = "sokket-form:" + model.plan.code;

  var fields = {}; // key -> field description
  format.fields.forEach(function (f) { fields[f.key] = f; });
  var sections = format.fields.filter(function (f) { return f.kind === "items" || f.kind === "parts"; });
  var figures = (fields.indicators && fields.indicators.children) || [];
  var unitNames = {};
  format.units.forEach(function (u) { unitNames[u.id] = u.name; });

  // ---- text helpers -------------------------------------------------------------------
  function charClass(chars) {
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      out += "\\u" + ("000" + chars.charCodeAt(i).toString(16)).slice(-4);
    }
    return "[" + out + "]";
  }
  var WS = charClass(NUM.whitespace); // what Python's str.strip() removes
  var LEADING_WS = new RegExp("^" + WS + "+");
  var TRAILING_WS = new RegExp(WS + "+$");
  var IGNORED = new RegExp(charClass(NUM.ignored_spaces), "g");
  var WS_RUNS = new RegExp(WS + "+");
  function strip(s) { return s.replace(LEADING_WS, "").replace(TRAILING_WS, ""); }
  function rstrip(s) { return s.replace(TRAILING_WS, ""); }
  function full(pattern) { return new RegExp("^(?:" + pattern + ")$"); }
  var WHOLE = full(NUM.patterns.whole);
  var THOUSANDS = full(NUM.patterns.thousands);
  var DECIMAL = full(NUM.patterns.decimal);

  /* Fill {name} placeholders in one pass, so a value holding "{x}" stays as it is. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }
  function nfc(s) { return s.normalize("NFC"); }
  /* UnitFormat's Field.bounds_message: the plan's min/max, with validate's own wording. */
  function outOfBounds(field, value, text) {
    if (field.minimum !== null && value < Number(field.minimum)) return fill(field.below_message, { value: text });
    if (field.maximum !== null && value > Number(field.maximum)) return fill(field.above_message, { value: text });
    return "";
  }
  /* numbers.format_vn of a figure's digits: "0965", "50" -> "965,5"; "16420", "" -> "16.420". */
  function formatVn(whole, fraction) {
    var groups = whole.replace(/^0+(?=[0-9])/, "").replace(/\B(?=([0-9]{3})+$)/g, ".");
    fraction = fraction.replace(/0+$/, "");
    return fraction ? groups + "," + fraction : groups;
  }
  /* Field.over_100_message on a stored rate ("965"): a warning, with the comma moved left. */
  function over100(field, stored) {
    var parts = stored.split(",");
    var whole = parts[0];
    var fraction = parts[1] || "";
    if (!field.over_100_message || !(Number(whole + "." + fraction) > 100)) return "";
    var value = formatVn(whole, fraction);
    while (Number(whole + "." + fraction) > 100) {
      fraction = whole.slice(-1) + fraction;
      whole = whole.slice(0, -1) || "0";
    }
    return fill(field.over_100_message, { value: value, guess: formatVn(whole, fraction) });
  }

  // ---- an item's text: check/item_text.py's problem(), from the same patterns and wording ----
  var CURLY_QUOTES = new RegExp("^(?:" + ITEM.patterns.curly_quotes + ")$", "u");
  var LETTER = new RegExp(ITEM.patterns.letter, "u");
  var HAND_NUMBER = new RegExp("^(?:" + ITEM.patterns.hand_number + ")", "u");
  function suggested(text) { return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"'); } // item_text.quoted
  /* {code, message, fix} for a non-blank item, or null; fix: the text the message suggests. */
  function itemProblem(text) {
    var M = ITEM.messages;
    text = strip(text);
    var m = CURLY_QUOTES.exec(text);
    if (m) {
      var inside = strip(m[1]);
      return { code: "curly-quotes", message: fill(M["curly-quotes"], { fix: suggested(inside) }), fix: inside };
    }
    if (!LETTER.test(text)) {
      var chars = Array.from(text);
      var shown = chars.length <= ITEM.shown ? text : chars.slice(0, ITEM.shown).join("") + "…";
      return { code: "no-letter", message: fill(M["no-letter"], { shown: shown }) };
    }
    m = HAND_NUMBER.exec(text);
    if (m) {
      var rest = text.slice(m[0].length);
      return { code: "hand-numbering", message: fill(M["hand-numbering"], { number: strip(m[0]), fix: suggested(rest) }), fix: rest };
    }
    return null;
  }
  /* validate's warnings on any text: an Icelandic letter typed for Đ or đ. */
  function lookalikeWarnings(text) {
    return Object.keys(ITEM.lookalikes).filter(function (char) { return text.indexOf(char) >= 0; }).map(function (char) {
      return { code: "lookalike-char", message: ITEM.lookalikes[char] };
    });
  }
  /* What validate warns about one item, in its order: look-alike letters, then the text. */
  function itemWarnings(text) {
    var found = lookalikeWarnings(text);
    var problem = itemProblem(text);
    if (problem) found.push(problem);
    return found;
  }

  // ---- numbers: numbers.parse, applied to the same patterns and messages ------------------
  /* {stored: text to write} or {problem: validate's explanation}. */
  function parseNumber(text, kind) {
    var M = NUM.messages;
    var raw = strip(text);
    if (kind === "percent" && raw.slice(-1) === "%") raw = rstrip(raw.slice(0, -1));
    var compact = raw.replace(IGNORED, "");
    if (kind === "integer") {
      if (WHOLE.test(raw)) {
        if (raw.replace(/^0+/, "").length > NUM.max_digits) return { problem: fill(M.too_many_digits, { text: shown(text) }) };
        return { stored: raw.replace(/^0+(?=[0-9])/, "") };
      }
      if (raw.charAt(0) === "-" && WHOLE.test(raw.slice(1))) {
        return { problem: fill(M.negative_integer, { text: text }) };
      }
      if (THOUSANDS.test(compact) || (compact !== raw && WHOLE.test(compact))) {
        var grouped = compact !== raw ? M.grouped_by_space : compact.indexOf(".") < 0 ? M.grouped_by_comma
          : compact.indexOf(",") < 0 ? M.grouped_by_point : M.grouped_mixed;
        return { problem: fill(grouped, { text: text, digits: compact.replace(/[^0-9]/g, "") }) };
      }
      if (DECIMAL.test(compact)) {
        if (compact.indexOf(",") < 0 && compact.indexOf(".") < 0) return { problem: fill(M.negative_integer, { text: text }) };
        return { problem: fill(M.not_integer, { text: text, mark: NUM.marks[compact.indexOf(",") >= 0 ? "," : "."] }) };
      }
      return { problem: fill(M.not_a_number, { text: text, expected: NUM.expected.integer }) };
    }
    if (THOUSANDS.test(compact.replace(/^-+/, "")) && compact.indexOf(".") >= 0 && compact.indexOf(",") < 0) {
      var values = { text: text, digits: compact.split(".").join(""), comma: compact.split(".").join(",") };
      return { problem: fill(M.ambiguous_decimal, values) };
    }
    if (!DECIMAL.test(compact)) {
      return { problem: fill(M.not_a_number, { text: text, expected: NUM.expected[kind] }) };
    }
    if (tooManyDigits(compact)) return { problem: fill(M.too_many_digits, { text: shown(text) }) };
    if (kind === "percent" && compact.charAt(0) === "-" && /[1-9]/.test(compact)) {
      return { problem: fill(M.negative_percent, { text: text }) };
    }
    return { stored: compact.replace(".", ",") };
  }
  /* numbers._too_many_digits on a decimal's text: from 10^15 up, or over 15 significant digits. */
  function tooManyDigits(compact) {
    var parts = compact.replace("-", "").split(/[.,]/);
    var whole = parts[0].replace(/^0+/, "");
    var significant = (whole + (parts[1] || "")).replace(/^0+/, "").replace(/0+$/, "");
    return whole.length > NUM.max_digits || significant.length > NUM.max_digits;
  }
  /* numbers._quote: a too-long figure cut to NUM.shown characters, with its length. */
  function shown(text) {
    var chars = Array.from(strip(text));
    return chars.length <= NUM.shown ? chars.join("") : chars.slice(0, NUM.shown).join("") + "… (" + chars.length + " ký tự)";
  }

  // ---- YAML writing: write/unitfile.py's quote() and unit_yaml() ----------------------
  function quote(text) {
    var out = "";
    for (var ch of text) {
      var escaped = QUOTE.escapes[ch];
      if (escaped !== undefined) { out += escaped; continue; }
      var code = ch.codePointAt(0);
      var hex = QUOTE.hex_ranges.some(function (r) { return r[0] <= code && code <= r[1]; });
      if (!hex) out += ch;
      else if (code < 0x100) out += "\\x" + ("0" + code.toString(16).toUpperCase()).slice(-2);
      else out += "\\u" + ("000" + code.toString(16).toUpperCase()).slice(-4);
    }
    return '"' + out + '"';
  }
  function comment(text, indent) {
    return " ".repeat(indent) + "# " + text.split(WS_RUNS).filter(Boolean).join(" ");
  }
  function itemsLines(items, indent) {
    var pad = " ".repeat(indent);
    var lines = [];
    items.forEach(function (item) {
      if (!item.items.length) { lines.push(pad + "- " + quote(item.text)); return; }
      lines.push(pad + "- text: " + quote(item.text));
      lines.push(pad + "  items:");
      lines.push.apply(lines, itemsLines(item.items, indent + 4));
    });
    return lines;
  }
  function sectionLines(key, items, indent) {
    var pad = " ".repeat(indent);
    if (!items.length) return [pad + key + ": []"];
    return [pad + key + ":"].concat(itemsLines(items, indent + 2));
  }

  // ---- items typed one per line: "+" or an indent makes a sub-item ------------------------
  var MARKER = new RegExp("^(" + WS + "*)(\\+*)(" + WS + "*)");
  function parseItems(text) {
    var top = [];
    var open = []; // open[d]: the last item at depth d
    nfc(text).split(/\r\n|\r|\n/).forEach(function (line, index) {
      var m = MARKER.exec(line);
      var body = strip(line.slice(m[0].length));
      if (!body) return;
      var depth = m[2].length || (m[1].length ? 1 : 0);
      depth = Math.min(depth, open.length, MAX_DEPTH);
      var item = { text: body, items: [], line: index };
      (depth === 0 ? top : open[depth - 1].items).push(item);
      open.length = depth;
      open.push(item);
    });
    return top;
  }
  /* Items back into the lines a clerk types: sub-items after "+", "++"... */
  function itemsLinesText(items, depth, lines) {
    items.forEach(function (item) {
      lines.push((depth ? "+".repeat(depth) + " " : "") + item.text);
      itemsLinesText(item.items, depth + 1, lines);
    });
    return lines;
  }
  function itemsText(items) { return itemsLinesText(items, 0, []).join("\n"); }

  // ---- building the page -----------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }
  var form = document.getElementById("report-form");
  var unitSelect = document.getElementById("unit");
  var unitSearch = document.getElementById("unit-search");
  var submitted = document.getElementById("submitted");
  var output = document.getElementById("yaml-output");
  var statusLine = document.getElementById("status");

  document.getElementById("plan-issuer").textContent = model.plan.issuer;
  document.getElementById("plan-subject").textContent = model.plan.subject ? "Báo cáo " + model.plan.subject : "";
  document.getElementById("plan-deadline").textContent =
    "Kế hoạch " + model.plan.code + (model.plan.deadline ? " · Hạn gửi báo cáo: " + model.plan.deadline : "");

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var foldedNames = format.units.map(function (u) { return fold(u.name + " " + u.id); });
  function fillUnitChoices() {
    var words = fold(unitSearch.value).split(/\s+/).filter(Boolean);
    var chosen = unitSelect.value;
    unitSelect.textContent = "";
    unitSelect.appendChild(el("option", { value: "" }, "— Chọn đơn vị —"));
    var shown = 0;
    format.units.forEach(function (u, i) {
      var match = words.every(function (w) { return foldedNames[i].indexOf(w) >= 0; });
      if (!match && u.id !== chosen) return;
      unitSelect.appendChild(el("option", { value: u.id }, u.name));
      shown += match ? 1 : 0;
    });
    unitSelect.value = chosen;
    unitSearch.setAttribute("title", words.length ? "Tìm thấy " + shown + " đơn vị" : "");
  }

  var textareas = []; // {field, parent, node, problem}
  var sectionsBox = document.getElementById("sections");
  var serial = 0;
  var ITEMS_PLACEHOLDER = "Mỗi ý một dòng.\n+ Ý nhỏ của ý trên bắt đầu bằng dấu +";
  /* A textarea for one section or part; a part gets its own label, a section its legend. */
  function addItemsBox(box, field, parent) {
    var id = "field-" + (++serial);
    if (parent) box.appendChild(el("label", { for: id, class: "part-title" }, field.title));
    if (field.guidance) box.appendChild(el("p", { class: "guidance" }, field.guidance));
    var area = el("textarea", { id: id, name: field.path, rows: "6", spellcheck: "true",
      placeholder: ITEMS_PLACEHOLDER });
    if (!parent) area.setAttribute("aria-label", field.title);
    box.appendChild(area);
    var problem = el("p", { class: "problem", role: "alert", hidden: "" });
    box.appendChild(problem);
    var warnings = el("div", { class: "warnings", role: "status", hidden: "" });
    box.appendChild(warnings);
    textareas.push({ field: field, parent: parent, node: area, problem: problem, warnings: warnings, said: "", typing: -1 });
  }
  sections.forEach(function (section, index) {
    var box = el("fieldset", { class: "section" });
    var number = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][index];
    box.appendChild(el("legend", {}, (number ? number + ". " : "") + section.title +
      (section.required ? "" : " (không bắt buộc)")));
    if (section.kind === "items") {
      addItemsBox(box, section, null);
    } else {
      if (section.guidance) box.appendChild(el("p", { class: "guidance" }, section.guidance));
      section.children.forEach(function (part) {
        var partBox = el("div", { class: "part" });
        addItemsBox(partBox, part, section);
        box.appendChild(partBox);
      });
    }
    sectionsBox.appendChild(box);
  });

  var figureInputs = []; // {field, node, stored, problem}
  if (figures.length) {
    document.getElementById("indicators").hidden = false;
    document.getElementById("indicators-guidance").textContent = fields.indicators.guidance;
    var rows = document.getElementById("indicator-rows");
    figures.forEach(function (f) {
      var id = "field-" + (++serial);
      var row = el("div", { class: "figure" });
      var label = el("label", { for: id }, f.title);
      if (f.measure) {
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", { class: "measure" }, "(" + f.measure + ")"));
      }
      row.appendChild(label);
      var input = el("input", { type: "text", id: id, name: f.path, inputmode: "decimal",
        placeholder: f.number_type === "integer" ? "ví dụ 45" : "ví dụ 96,5" });
      row.appendChild(input);
      var stored = el("p", { class: "stored" });
      var problem = el("p", { class: "problem", role: "alert", hidden: "" });
      row.appendChild(stored);
      row.appendChild(problem);
      var warning = el("p", { class: "warning", hidden: "" });
      row.appendChild(warning);
      rows.appendChild(row);
      figureInputs.push({ field: f, node: input, stored: stored, problem: problem, warning: warning });
    });
  }

  // ---- proposals for commendation: a row each; kinds, forms, quotas and wording from the model
  var offer = fields.commendations || null; // the plan's block, as the unit format describes it
  var RULES = model.commendations || null; // validate's wording (check/commendations.py rules())
  var proposalRows = []; // {node, number, inputs: {key: element}, problems: {key: element}}
  var proposalBox = document.getElementById("proposal-rows");
  var noneBox = document.getElementById("commendations-none");
  var entryKeys = offer ? offer.children.map(function (c) { return c.key; }).filter(function (k) {
    return offer.form_keys.indexOf(k) >= 0; // the keys a unit fills in, in the file's order
  }) : [];
  var fileKeys = offer ? offer.children.map(function (c) { return c.key; }) : []; // as unit_yaml writes them
  var keptKeys = fileKeys.filter(function (k) { return entryKeys.indexOf(k) < 0; }); // read, not shown: kept
  var entryFields = {};
  if (offer) offer.children.forEach(function (c) { entryFields[c.key] = c; });
  var kindsByKey = {};
  if (offer) offer.kinds.forEach(function (k) { kindsByKey[k.key] = k; });
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function foldText(s) { return nfc(s).toLowerCase().split(WS_RUNS).filter(Boolean).join(" "); }
  function isPerson(kind) { return kind === offer.person_kind; }
  /* A select of ``choices`` ([value, label]); a value not among them (an opened file) is kept. */
  function choiceSelect(attrs, choices, value) {
    var select = el("select", attrs);
    choices.forEach(function (c) { select.appendChild(el("option", { value: c[0] }, c[1])); });
    if (value && !choices.some(function (c) { return c[0] === value; })) {
      select.appendChild(el("option", { value: value }, value + " (không có trong kế hoạch)"));
    }
    select.value = value || "";
    return select;
  }
  var PERSON_WIDE = { position: true };
  function addProposal(values) {
    var row = { node: el("div", { class: "proposal" }), inputs: {}, problems: {}, warnings: {}, boxes: {}, kept: {} };
    keptKeys.forEach(function (key) { if (values[key]) row.kept[key] = values[key]; });
    var head = el("div", { class: "proposal-head" });
    row.number = el("span", { class: "proposal-number" });
    head.appendChild(row.number);
    row.inputs.kind = choiceSelect({ "aria-label": entryFields.kind.title }, offer.kinds.map(function (k) {
      return [k.key, capital(k.title)];
    }), values.kind);
    head.appendChild(row.inputs.kind);
    var remove = el("button", { type: "button", class: "remove" }, "Xóa đề nghị này");
    head.appendChild(remove);
    row.node.appendChild(head);
    var grid = el("div", { class: "proposal-fields" });
    entryKeys.forEach(function (key) {
      if (key === "kind") return;
      var f = entryFields[key];
      var id = "field-" + (++serial);
      var box = el("div", { class: "entry entry-" + key + (PERSON_WIDE[key] || f.kind === "text" ? " wide" : "") });
      var required = f.required || offer.person_required.indexOf(key) >= 0;
      var label = el("label", { for: id }, f.title);
      if (!required) label.appendChild(el("span", { class: "optional" }, " (không bắt buộc)"));
      box.appendChild(label);
      var input;
      if (key === "form") {
        input = choiceSelect({ id: id }, [["", "— Chọn hình thức khen thưởng —"]].concat(f.choices.map(function (c) {
          return [c, c];
        })), values.form || (f.choices.length === 1 ? f.choices[0] : ""));
      } else if (f.kind === "choice") {
        input = choiceSelect({ id: id }, [["", "(không ghi)"]].concat(f.choices.map(function (c) {
          return [c, capital(c)];
        })), values[key]);
      } else if (key === "achievement") {
        input = el("textarea", { id: id, rows: "2", spellcheck: "true" });
      } else {
        input = el("input", { type: "text", id: id, spellcheck: key === "birth_year" ? "false" : "true" });
        if (key === "birth_year") { input.setAttribute("inputmode", "numeric"); input.setAttribute("placeholder", "ví dụ 1975"); }
      }
      if (input.tagName !== "SELECT") input.value = values[key] || "";
      box.appendChild(input);
      var problem = el("p", { class: "problem", role: "alert", hidden: "" });
      box.appendChild(problem);
      var warning = el("p", { class: "warning", hidden: "" });
      box.appendChild(warning);
      grid.appendChild(box);
      row.inputs[key] = input;
      row.problems[key] = problem;
      row.warnings[key] = warning;
      row.boxes[key] = box;
    });
    row.node.appendChild(grid);
    row.inputs.kind.addEventListener("change", function () { showKind(row); });
    remove.addEventListener("click", function () {
      var typed = entryKeys.some(function (k) { return k !== "kind" && k !== "form" && strip(row.inputs[k].value); });
      if (typed && !window.confirm("Xóa " + row.number.textContent.toLowerCase() + " và nội dung đã ghi trong đó?")) return;
      Object.keys(touched).forEach(function (name) { if (name.indexOf("commendations.") === 0) delete touched[name]; });
      proposalRows.splice(proposalRows.indexOf(row), 1);
      row.node.remove();
      renumber();
      refresh();
      remember();
    });
    proposalRows.push(row);
    proposalBox.appendChild(row.node);
    renumber();
    showKind(row);
    return row;
  }
  /* Names follow the rows' order (commendations.0.name ...), so a removed row leaves no gap. */
  function renumber() {
    proposalRows.forEach(function (row, i) {
      row.number.textContent = "Đề nghị " + (i + 1);
      Object.keys(row.inputs).forEach(function (key) { row.inputs[key].name = "commendations." + i + "." + key; });
    });
    document.getElementById("commendations-none-box").hidden = !offer || !offer.required || proposalRows.length > 0;
  }
  /* A collective has no position, birth year or gender: those boxes are hidden, not written. */
  function showKind(row) {
    var person = isPerson(row.inputs.kind.value);
    offer.person_keys.forEach(function (key) { if (row.boxes[key]) row.boxes[key].hidden = !person; });
    var kind = kindsByKey[row.inputs.kind.value];
    row.boxes.name.querySelector("label").textContent = kind ? kind.name_title : entryFields.name.title;
  }
  /* The index of a unit's quota in offer.quotas (and model.quota_limits); the plan's own: 0. */
  function quotaIndex(unitId) {
    var unit = format.units.filter(function (u) { return u.id === unitId; })[0];
    return unit ? unit.quota : 0;
  }
  /* The proposals as the file will hold them (null: no section) and validate's problems. */
  function collectProposals(unitId, problems, warnings) {
    if (!offer) return null;
    var M = RULES.messages;
    var year = new Date().getFullYear();
    var low = year - RULES.oldest;
    var high = year - RULES.youngest;
    var counts = {};
    var entries = proposalRows.map(function (row, i) {
      var kind = row.inputs.kind.value;
      var person = isPerson(kind);
      counts[kind] = (counts[kind] || 0) + 1;
      var entry = { kind: kind };
      entryKeys.forEach(function (key) {
        if (key === "kind") return;
        var text = strip(nfc(row.inputs[key].value));
        var personOnly = offer.person_keys.indexOf(key) >= 0;
        var required = entryFields[key].required || (person && offer.person_required.indexOf(key) >= 0);
        // a collective has no year or gender; a position it was given in a file is kept
        if (personOnly && !person && (offer.person_required.indexOf(key) < 0 || !text)) text = null;
        else if (text || required) entry[key] = text;
        var message = "";
        if (text === "" && required) message = fill(M.empty_field, { key: key, what: RULES.what[key] });
        else if (text && key === "birth_year" && !(/^[0-9]{4}$/.test(text) && low <= +text && +text <= high)) {
          message = fill(M.birth_year, { text: text, low: String(low), high: String(high) });
        } else if (text && key === "form" && entryFields.form.choices.indexOf(text) < 0) {
          message = fill(M.unknown_form, { text: text });
        }
        showProblem(row.problems[key], row.inputs[key], markAll || touched[row.inputs[key].name] ? message : "");
        if (message) problems.push("Đề nghị " + (i + 1) + ": " + message);
        var looks = text ? lookalikeWarnings(row.inputs[key].value) : [];
        row.warnings[key].textContent = looks.map(function (w) { return w.message; }).join(" ");
        row.warnings[key].hidden = !looks.length;
        warnings.push.apply(warnings, looks);
      });
      Object.keys(row.kept).forEach(function (key) { entry[key] = row.kept[key]; });
      return entry;
    });
    var quota = offer.quotas[quotaIndex(unitId)];
    var said = [];
    var over = [];
    offer.kinds.forEach(function (k) {
      var sent = counts[k.key] || 0;
      var limit = quota[k.key];
      said.push(sent + " " + k.title);
      if (limit !== null && sent > limit) {
        over.push(fill(M.quota, { sent: String(sent), title: k.title, limit: String(limit), over: String(sent - limit) }));
      }
    });
    document.getElementById("commendations-quota").textContent = "Chỉ tiêu " +
      (unitId ? "của đơn vị" : "chung của kế hoạch (chọn đơn vị để xem chỉ tiêu của đơn vị mình)") + ": " +
      model.quota_limits[quotaIndex(unitId)] + ". Đã ghi: " + said.join(", ") + ".";
    var none = noneBox.checked && !proposalRows.length;
    if (offer.required && !proposalRows.length && !none) {
      over.push(fill(M.required, { title: offer.title }) + " Hãy bấm nút thêm tập thể hoặc cá nhân bên dưới, hoặc đánh dấu ô 'Đơn vị không đề nghị khen thưởng'.");
    }
    showProblem(document.getElementById("commendations-problem"), null, over.join("\n"));
    problems.push.apply(problems, over);
    return proposalRows.length || none ? entries : null;
  }
  /* write/unitfile.py's _proposal_lines: the kind and a well-formed birth year plain, the
     rest quoted; what only a clerk's unfinished row holds (a kind or year typed otherwise)
     is quoted so the file stays valid YAML. */
  function proposalLines(entries) {
    if (!entries.length) return ["commendations: []"];
    var lines = ["commendations:"];
    entries.forEach(function (entry) {
      var written = fileKeys.filter(function (k) { return Object.prototype.hasOwnProperty.call(entry, k); });
      written.forEach(function (k, i) {
        var value = entry[k];
        var plain = k === "kind" ? kindsByKey[value] !== undefined : k === "birth_year" && /^[0-9]+$/.test(value);
        lines.push((i ? "    " : "  - ") + k + ": " + (plain ? value : quote(value)));
      });
    });
    return lines;
  }
  function proposalValues(row) {
    var values = {};
    Object.keys(row.inputs).forEach(function (key) { values[key] = row.inputs[key].value; });
    Object.keys(row.kept).forEach(function (key) { values[key] = row.kept[key]; });
    return values;
  }
  function setProposals(list, none) {
    proposalRows.slice().forEach(function (row) { row.node.remove(); });
    proposalRows.length = 0;
    if (!offer) return;
    (list || []).forEach(function (values) { addProposal(values); });
    noneBox.checked = !!none;
    renumber();
    proposalRows.forEach(function (row) { grow(row.inputs.achievement); });
  }
  /* A proposal read from a file: kinds and genders as validate reads them, forms as the plan
     spells them; anything else is kept as written (and flagged). */
  function proposalFromYaml(data) {
    var values = {};
    if (!data || typeof data !== "object" || Array.isArray(data)) return values;
    fileKeys.forEach(function (key) { if (typeof data[key] === "string") values[key] = data[key]; });
    if (values.kind) values.kind = RULES.kind_spellings[foldText(values.kind)] || values.kind;
    if (values.gender) values.gender = RULES.gender_spellings[foldText(values.gender)] || values.gender;
    if (values.form) {
      var match = entryFields.form.choices.filter(function (c) { return foldText(c) === foldText(values.form); });
      if (match.length) values.form = match[0];
    }
    return values;
  }
  if (offer) {
    document.getElementById("commendations").hidden = false;
    document.getElementById("commendations-title").textContent = offer.title + (offer.required ? "" : " (không bắt buộc)");
    var adders = document.getElementById("proposal-add");
    offer.kinds.forEach(function (k) {
      var button = el("button", { type: "button", id: "add-" + k.key }, "+ Thêm " + k.title);
      button.addEventListener("click", function () {
        var row = addProposal({ kind: k.key });
        refresh();
        remember();
        row.inputs.name.focus();
      });
      adders.appendChild(button);
    });
    renumber();
  }

  // ---- reading the form: the file and its problems ----------------------------------------
  function isoToVn(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }
  /* The line the caret is on while a box has focus (-1: none): a line being typed ("4", then
     "4. Kết quả") is judged once the clerk moves on, so no warning flickers while typing. */
  function typingLine(area) {
    if (document.activeElement !== area) return -1;
    return area.value.slice(0, area.selectionStart).split(/\r\n|\r|\n/).length - 1;
  }
  /* The warnings on a box's items, each under the box with its line and, where the message
     suggests a new text, a button that puts it in; rebuilt only when they change. */
  function showWarnings(box, items) {
    var found = [];
    box.typing = typingLine(box.node);
    (function walk(list) {
      list.forEach(function (item) {
        if (item.line !== box.typing) itemWarnings(item.text).forEach(function (w) { w.line = item.line; found.push(w); });
        walk(item.items);
      });
    })(items);
    var said = JSON.stringify(found);
    if (said === box.said) return found;
    box.said = said;
    box.warnings.textContent = "";
    box.warnings.hidden = !found.length;
    found.forEach(function (w) {
      var p = el("p", { class: "warning" });
      p.appendChild(el("span", { class: "where" }, "Dòng " + (w.line + 1) + ": "));
      p.appendChild(el("span", { class: "message" }, w.message));
      if (w.fix !== undefined) {
        var button = el("button", { type: "button", class: "fix", title: "Thay dòng " + (w.line + 1) + " bằng: " + w.fix }, "Sửa");
        button.addEventListener("click", function () { fixLine(box, w.line, w.fix); });
        p.appendChild(document.createTextNode(" "));
        p.appendChild(button);
      }
      box.warnings.appendChild(p);
    });
    return found;
  }
  /* Put ``text`` in line ``index`` of a box, after its "+" marker, as if the clerk typed it. */
  function fixLine(box, index, text) {
    var lines = box.node.value.split(/\r\n|\r|\n/);
    lines[index] = MARKER.exec(lines[index])[0] + text;
    box.node.value = lines.join("\n");
    grow(box.node);
    refresh();
    remember();
    box.node.focus();
  }
  function showProblem(node, input, message) {
    node.textContent = message || "";
    node.hidden = !message;
    if (input) input.classList.toggle("invalid", !!message);
  }

  /* An empty box is marked red only once the clerk has left it or tried to save; the list
     above the save button always names every problem. */
  var touched = {};
  var markAll = false;

  /* The file's text and the problems validate would find, from what is on the page. */
  function collect() {
    var problems = [];
    var warnings = []; // validate's warnings: shown, never a reason not to save
    var unitId = unitSelect.value;
    var noUnit = unitId ? "" : "Chưa chọn đơn vị. Hãy chọn tên đơn vị của mình trong danh sách.";
    showProblem(document.getElementById("unit-problem"), unitSelect, markAll || touched.unit ? noUnit : "");
    if (noUnit) problems.push(noUnit);
    var content = {};
    textareas.forEach(function (t) {
      var items = parseItems(t.node.value);
      content[t.field.path] = items;
      var parentRequired = t.parent ? t.parent.required : true;
      var message = t.field.required && parentRequired && !items.length
        ? t.field.empty_statement + " Hãy ghi ít nhất một ý vào ô này, mỗi ý một dòng." : "";
      showProblem(t.problem, t.node, markAll || touched[t.field.path] ? message : "");
      if (message) problems.push(message);
      warnings.push.apply(warnings, showWarnings(t, items));
    });
    var written = [];
    figureInputs.forEach(function (f) {
      var text = nfc(f.node.value);
      var message = "";
      var note = "";
      var warning = "";
      if (strip(text)) {
        var result = parseNumber(text, f.field.number_type);
        if (result.problem !== undefined) {
          message = fill(NUM.messages.indicator_problem, { key: f.field.key, label: f.field.title, problem: result.problem });
          written.push([f.field.key, text]);
        } else {
          note = "Sẽ lưu: " + result.stored + (f.field.measure ? " " + f.field.measure : "");
          written.push([f.field.key, result.stored]);
          message = outOfBounds(f.field, Number(result.stored.replace(",", ".")), strip(text));
          if (!message) warning = over100(f.field, result.stored);
        }
      }
      f.stored.textContent = note;
      showProblem(f.problem, f.node, message);
      if (message) problems.push(message);
      f.warning.textContent = warning;
      f.warning.hidden = !warning;
      if (warning) warnings.push(warning);
    });
    var proposals = collectProposals(unitId, problems, warnings);
    var date = submitted.value;
    document.getElementById("submitted-stored").textContent = date ? "Sẽ lưu: ngày " + isoToVn(date) : "";

    var name = unitNames[unitId] || "";
    var lines = [
      comment("Báo cáo của " + (name || "(chưa chọn đơn vị)") + " theo kế hoạch " + model.plan.code, 0),
      comment("Lập bằng biểu mẫu của sokket; mở lại bằng nút 'Mở tệp đã lưu' để sửa tiếp.", 0),
    ];
    format.fields.forEach(function (f) {
      if (f.key === "unit") lines.push("unit: " + quote(unitId));
      else if (f.key === "submitted") { if (date) lines.push("submitted: " + date); }
      else if (f.kind === "items") lines.push.apply(lines, sectionLines(f.key, content[f.path], 0));
      else if (f.kind === "parts") {
        lines.push(f.key + ":");
        f.children.forEach(function (p) { lines.push.apply(lines, sectionLines(p.key, content[p.path], 2)); });
      } else if (f.key === "indicators" && written.length) {
        lines.push("indicators:");
        written.forEach(function (w) { lines.push("  " + w[0] + ": " + quote(w[1])); });
      } else if (f.kind === "proposals" && proposals !== null) {
        lines.push.apply(lines, proposalLines(proposals));
      }
    });
    return { unitId: unitId, yaml: lines.join("\n") + "\n", problems: problems, warnings: warnings.length };
  }

  /* Each box grows with its text, so a clerk sees the whole section without scrolling. */
  function grow(area) {
    var x = window.scrollX;
    var y = window.scrollY; // a box shrunk to measure it must not move the page
    area.style.height = "auto";
    area.style.height = area.scrollHeight + 4 + "px";
    window.scrollTo(x, y);
  }

  function refresh() {
    var state = collect();
    output.value = state.yaml;
    var box = document.getElementById("problems");
    box.textContent = "";
    if (state.problems.length) {
      box.appendChild(el("p", {}, "Cần sửa trước khi gửi (" + state.problems.length + " chỗ):"));
      var list = el("ul");
      state.problems.forEach(function (p) { list.appendChild(el("li", {}, p)); });
      box.appendChild(list);
    } else {
      box.appendChild(el("p", { class: "ok" }, "Biểu mẫu đã điền đủ, có thể lưu tệp và gửi đi."));
    }
    if (state.warnings) {
      box.appendChild(el("p", { class: "warning" }, "Có " + state.warnings + " lưu ý (chữ màu nâu dưới các ô): " +
        "nên sửa để báo cáo in đúng; không sửa thì tệp vẫn lưu và gửi được."));
    }
    return state;
  }

  // ---- keeping what was typed (local storage) ----------------------------------------------
  function snapshot() {
    var values = {};
    textareas.forEach(function (t) { values[t.field.path] = t.node.value; });
    figureInputs.forEach(function (f) { values[f.field.path] = f.node.value; });
    return { unit: unitSelect.value, submitted: submitted.value, values: values,
      proposals: proposalRows.map(proposalValues), none: noneBox.checked };
  }
  function restore(state) {
    unitSearch.value = "";
    fillUnitChoices();
    unitSelect.value = unitNames[state.unit] !== undefined ? state.unit : "";
    submitted.value = state.submitted || "";
    var values = state.values || {};
    textareas.forEach(function (t) { t.node.value = values[t.field.path] || ""; });
    figureInputs.forEach(function (f) { f.node.value = values[f.field.path] || ""; });
    textareas.forEach(function (t) { grow(t.node); });
    setProposals(state.proposals, state.none);
  }
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(STORAGE_KEY + ":probe", "1");
    storage.removeItem(STORAGE_KEY + ":probe");
  } catch (e) {
    storage = null;
    var note = document.getElementById("storage-note");
    note.textContent = "Trình duyệt này không cho giữ lại nội dung đã gõ. Hãy bấm Lưu tệp thường xuyên để không mất bài.";
    note.hidden = false;
  }
  function remember() {
    if (!storage) return;
    try { storage.setItem(STORAGE_KEY, JSON.stringify(snapshot())); } catch (e) { /* full: the file is the copy */ }
  }

  // ---- opening a saved file: the YAML that sokket writes -------------------------------------
  var ESCAPES = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\x0b", f: "\f",
    r: "\r", e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0",
    L: "\u2028", P: "\u2029" };
  var HEX_LENGTH = { x: 2, u: 4, U: 8 };
  function YamlError(line, message) { this.line = line; this.message = message; }

  /* A scalar written after "key: " or "- " on one line; returns its text. */
  function scalar(text, lineNo) {
    if (text.charAt(0) === '"') {
      var out = "";
      for (var i = 1; i < text.length; i++) {
        var c = text.charAt(i);
        if (c === '"') {
          var rest = text.slice(i + 1);
          if (rest && !/^\s*(#.*)?$/.test(rest)) throw new YamlError(lineNo, "có chữ sau dấu ngoặc kép đóng");
          if (/[\r\n]/.test(out)) throw new YamlError(lineNo, UNSHOWABLE.lineBreak); // no box keeps one
          return out;
        }
        if (c !== "\\") { out += c; continue; }
        var e = text.charAt(++i);
        if (HEX_LENGTH[e]) {
          var digits = text.substr(i + 1, HEX_LENGTH[e]);
          if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_LENGTH[e]) throw new YamlError(lineNo, "mã '\\" + e + "' sai");
          out += String.fromCodePoint(parseInt(digits, 16));
          i += HEX_LENGTH[e];
        } else if (Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
          out += ESCAPES[e];
        } else {
          throw new YamlError(lineNo, "mã '\\" + e + "' không hợp lệ");
        }
      }
      throw new YamlError(lineNo, "thiếu dấu ngoặc kép đóng");
    }
    if (text.charAt(0) === "'") {
      var m = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(text);
      if (!m) throw new YamlError(lineNo, "thiếu dấu nháy đơn đóng");
      return m[1].replace(/''/g, "'");
    }
    return text.replace(/(^|\s+)#.*$/, "").trim();
  }

  /* What validate accepts but the page cannot show as written: refused when opening, so that
     saving never changes it unsaid. */
  var UNSHOWABLE = {
    lineBreak: "có chữ xuống dòng giữa chừng ('\\n' trong ngoặc kép), mà biểu mẫu ghi mỗi ý một " +
      "dòng; hãy sửa tệp (tách thành hai ý, hoặc thay '\\n' bằng dấu cách) rồi mở lại",
    plus: "có ý bắt đầu bằng dấu '+', mà trên biểu mẫu dấu '+' đầu dòng đánh dấu ý nhỏ; hãy sửa " +
      "ý đó trong tệp (ví dụ 'tăng 5%' thay cho '+5%') rồi mở lại",
    flow: "có danh sách viết gọn trên một dòng ([...] hoặc {...}), biểu mẫu chưa đọc được; hãy " +
      "sửa tệp: mỗi ý một dòng bắt đầu bằng '- ', mỗi chỉ tiêu một dòng 'tên: số', rồi mở lại"
  };
  /* An item's text (a list's string or an item's "text:"), refused if the box would read its
     leading '+' as the mark of a sub-item. */
  function itemText(text, lineNo) {
    if (typeof text === "string" && strip(text).charAt(0) === "+") throw new YamlError(lineNo, UNSHOWABLE.plus);
    return text;
  }

  /* Lines of the subset sokket writes: mappings, lists, one-line scalars, "[]". */
  function parseYaml(source) {
    var lines = [];
    source.replace(/^\ufeff/, "").split(/\r\n|\r|\n/).forEach(function (line, i) {
      if (/^\s*(#.*)?$/.test(line)) return;
      if (/^\s*\t/.test(line)) throw new YamlError(i + 1, "dòng thụt lề bằng Tab");
      var indent = /^ */.exec(line)[0].length;
      lines.push({ no: i + 1, indent: indent, text: line.slice(indent) });
    });
    var pos = 0;
    function value(rest, lineNo, indent) {
      var text = rest.trim();
      if (text === "" || text.charAt(0) === "#") {
        if (pos < lines.length && lines[pos].indent > indent) return block(lines[pos].indent);
        if (pos < lines.length && lines[pos].indent === indent && lines[pos].text.charAt(0) === "-") return block(indent);
        return null;
      }
      if (/^\[\s*\]\s*(#.*)?$/.test(text)) return [];
      if (/^\{\s*\}\s*(#.*)?$/.test(text)) return {};
      if (/^[\[{]/.test(text)) throw new YamlError(lineNo, UNSHOWABLE.flow); // not a text: YAML's flow style
      return scalar(text, lineNo);
    }
    function entry(text, lineNo, indent, into) {
      var m = /^("(?:[^"\\]|\\.)*"|[^\s"'#][^:]*?)\s*:(?:\s+|$)(.*)$/.exec(text);
      if (!m) throw new YamlError(lineNo, "không hiểu dòng này");
      var key = m[1].charAt(0) === '"' ? scalar(m[1], lineNo) : m[1];
      into[key] = key === "text" ? itemText(value(m[2], lineNo, indent), lineNo) : value(m[2], lineNo, indent);
    }
    function block(indent) {
      var result = null;
      while (pos < lines.length && lines[pos].indent === indent) {
        var line = lines[pos++];
        if (line.text === "-" || line.text.slice(0, 2) === "- ") {
          if (result === null) result = [];
          if (!Array.isArray(result)) throw new YamlError(line.no, "lẫn danh sách và mục");
          var rest = line.text.slice(1).replace(/^ +/, "");
          var inner = indent + (line.text.length - rest.length);
          if (/^("(?:[^"\\]|\\.)*"|[^\s"'#\-][^:]*?)\s*:(\s|$)/.test(rest)) {
            var map = {};
            entry(rest, line.no, inner, map);
            while (pos < lines.length && lines[pos].indent === inner && lines[pos].text.charAt(0) !== "-") {
              var next = lines[pos++];
              entry(next.text, next.no, inner, map);
            }
            result.push(map);
          } else {
            result.push(itemText(value(rest, line.no, inner), line.no));
          }
        } else {
          if (result === null) result = {};
          if (Array.isArray(result)) throw new YamlError(line.no, "lẫn danh sách và mục");
          entry(line.text, line.no, indent, result);
        }
      }
      if (pos < lines.length && lines[pos].indent > indent) throw new YamlError(lines[pos].no, "thụt lề không đúng");
      return result;
    }
    var root = lines.length ? block(lines[0].indent) : null;
    if (pos < lines.length) throw new YamlError(lines[pos].no, "thụt lề không đúng");
    return root;
  }

  function asItems(value) {
    if (!Array.isArray(value)) return [];
    return value.filter(function (v) { return v !== null; }).map(function (v) {
      if (typeof v === "string") return { text: v, items: [] };
      return { text: typeof v.text === "string" ? v.text : "", items: asItems(v.items) };
    });
  }
  function stateFromYaml(data) {
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new YamlError(1, "tệp không có các mục báo cáo");
    var values = {};
    sections.forEach(function (s) {
      if (s.kind === "items") values[s.path] = itemsText(asItems(data[s.key]));
      else s.children.forEach(function (p) {
        var parts = data[s.key] && typeof data[s.key] === "object" ? data[s.key] : {};
        values[p.path] = itemsText(asItems(parts[p.key]));
      });
    });
    var figuresData = data.indicators && typeof data.indicators === "object" ? data.indicators : {};
    figures.forEach(function (f) {
      var v = figuresData[f.key];
      values[f.path] = typeof v === "string" ? v : "";
    });
    var date = typeof data.submitted === "string" ? strip(data.submitted) : "";
    var vn = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(date);
    if (vn) date = vn[3] + "-" + ("0" + vn[2]).slice(-2) + "-" + ("0" + vn[1]).slice(-2);
    var listed = offer && Array.isArray(data.commendations) ? data.commendations : null;
    return { unit: typeof data.unit === "string" ? strip(data.unit) : "", submitted: date, values: values,
      proposals: listed ? listed.map(proposalFromYaml) : [], none: !!listed && !listed.length };
  }

  /* Put a saved file's content on the page; a YamlError leaves the page as it was. */
  function loadText(text) {
    var state = stateFromYaml(parseYaml(text));
    restore(state);
    markAll = true;
    var shown = refresh();
    remember();
    return state.unit && !shown.unitId
      ? " Mã đơn vị '" + state.unit + "' trong tệp không có trong danh sách; hãy chọn lại đơn vị." : "";
  }

  function openFile(file) {
    var reader = new FileReader();
    reader.onload = function () {
      try {
        statusLine.textContent = "Đã mở tệp " + file.name + "." + loadText(String(reader.result));
      } catch (e) {
        if (!(e instanceof YamlError)) throw e;
        statusLine.textContent = "Không mở được tệp " + file.name + ": dòng " + e.line + " " + e.message +
          ". Chỉ mở được tệp do biểu mẫu này lưu; nội dung trên trang chưa bị thay đổi.";
      }
    };
    reader.readAsText(file, "utf-8");
  }

  // ---- actions -------------------------------------------------------------------------------
  function save() {
    markAll = true;
    var state = refresh();
    if (!state.unitId) {
      statusLine.textContent = "Chưa lưu: hãy chọn đơn vị trước (tên tệp là mã đơn vị).";
      unitSelect.focus();
      return;
    }
    var blob = new Blob([state.yaml], { type: "text/yaml;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: state.unitId + ".yaml" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    statusLine.textContent = "Đã lưu tệp " + state.unitId + ".yaml (thư mục Tải về/Downloads)." +
      (state.problems.length ? " Tệp còn " + state.problems.length + " chỗ cần sửa (xem danh sách trên) trước khi gửi." : " Hãy gửi tệp này về cơ quan tổng hợp.");
  }

  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") grow(event.target);
    refresh();
    remember();
  });
  form.addEventListener("change", function () { refresh(); remember(); });
  /* The caret moved to another line of a box: the line it left is judged now. */
  function caretMoved(event) {
    var box = textareas.filter(function (t) { return t.node === event.target; })[0];
    if (box && typingLine(box.node) !== box.typing) refresh();
  }
  form.addEventListener("keyup", caretMoved);
  form.addEventListener("mouseup", caretMoved);
  form.addEventListener("focusout", function (event) {
    var name = event.target.name;
    var box = event.target.tagName === "TEXTAREA"; // the line typed last is judged on leaving
    if (!name || (touched[name] && !box)) return;
    touched[name] = true;
    // Leaving a box for a button: a message appearing now would move the button away from
    // under the pointer and swallow the click; the button's own action refreshes.
    var next = event.relatedTarget;
    if (!next || next.tagName !== "BUTTON") refresh();
  });
  unitSearch.addEventListener("input", function () { fillUnitChoices(); });
  document.getElementById("save").addEventListener("click", save);
  document.getElementById("open").addEventListener("click", function () {
    document.getElementById("open-file").click();
  });
  document.getElementById("open-file").addEventListener("change", function (event) {
    var file = event.target.files[0];
    if (file) openFile(file);
    event.target.value = "";
  });
  document.getElementById("copy").addEventListener("click", function () {
    output.focus();
    output.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    statusLine.textContent = done ? "Đã chép nội dung tệp; có thể dán vào thư điện tử." : "Hãy bấm Ctrl+C để chép phần đang chọn.";
  });
  document.getElementById("clear").addEventListener("click", function () {
    if (!window.confirm("Xóa hết nội dung đã gõ trên biểu mẫu này?")) return;
    restore({ unit: "", submitted: "", values: {} });
    markAll = false;
    touched = {};
    refresh();
    remember();
    statusLine.textContent = "Đã xóa nội dung biểu mẫu.";
  });

  fillUnitChoices();
  if (storage) {
    try {
      var kept = storage.getItem(STORAGE_KEY);
      if (kept) restore(JSON.parse(kept));
    } catch (e) { /* unreadable: start empty */ }
  }
  refresh();

  // For tests and for checking the form against sokket itself.
  window.sokketForm = { quote: quote, parseNumber: parseNumber, loadText: loadText, itemProblem: itemProblem,
    yaml: function () { return output.value; } };
})();
