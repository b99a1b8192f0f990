// Story form: the byline's order is the order of its rows. Up/down buttons (and
// dragging a row) move an author; the hidden position fields follow the rows.
"use strict";

// Loaded in <head> with the form's media: wait for the form.
document.addEventListener("DOMContentLoaded", () => {
  const group = document.getElementById("bylines-group");
  if (!group) return;
  const body = group.querySelector("tbody");

  const rows = () =>
    Array.from(body.querySelectorAll("tr.form-row")).filter(
      (row) => !row.classList.contains("empty-form"),
    );
  const chosen = (row) => {
    const author = row.querySelector("select[name$='-author']");
    const deleted = row.querySelector("input[name$='-DELETE']");
    return author && author.value && !(deleted && deleted.checked);
  };

  function renumber() {
    let position = 0;
    for (const row of rows()) {
      const field = row.querySelector("input[name$='-position']");
      if (!field) continue;
      // A row without an author stays untouched, so the form does not ask for one.
      field.value = chosen(row) ? position++ : "";
    }
  }

  function move(row, step) {
    const all = rows();
    const target = all[all.indexOf(row) + step];
    if (!target) return;
    if (step < 0) body.insertBefore(row, target);
    else body.insertBefore(row, target.nextSibling);
    renumber();
  }

  function button(label, text, step, row) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "byline-move";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", () => {
      move(row, step);
      b.focus();
    });
    return b;
  }

  function equip(row) {
    if (row.classList.contains("empty-form") || row.querySelector(".byline-move")) return;
    const cell = row.querySelector("td.original");
    if (!cell) return;
    const tools = document.createElement("span");
    tools.className = "byline-tools";
    tools.append(button("Move author up", "↑", -1, row), button("Move author down", "↓", 1, row));
    cell.prepend(tools);
    row.draggable = true;
  }

  let dragged = null;
  body.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("tr.form-row");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  body.addEventListener("dragover", (event) => {
    if (dragged) event.preventDefault();
  });
  body.addEventListener("drop", (event) => {
    const target = event.target.closest("tr.form-row");
    event.preventDefault();
    if (!dragged || !target || target === dragged || target.classList.contains("empty-form")) return;
    const all = rows();
    const after = all.indexOf(target) > all.indexOf(dragged);
    body.insertBefore(dragged, after ? target.nextSibling : target);
    dragged = null;
    renumber();
  });

  rows().forEach(equip);
  document.addEventListener("formset:added", (event) => {
    if (event.detail && event.detail.formsetName === "bylines") equip(event.target);
  });
  body.addEventListener("change", renumber);
  const form = group.closest("form");
  if (form) form.addEventListener("submit", renumber);
  renumber();
});
