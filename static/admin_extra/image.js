// Image change form: a click on the preview sets the focal point (the two number
// fields), and a newly chosen file is shown before upload so it can be set at once.
"use strict";

function initFocalPicker(picker) {
  const frame = picker.querySelector(".focal-picker__frame");
  const [vertical, horizontal] = picker.querySelectorAll(".focal-picker__cross line");
  const focalX = document.getElementById("id_focal_x");
  const focalY = document.getElementById("id_focal_y");
  const fileInput = document.getElementById("id_file");
  if (!frame || !focalX || !focalY) return;

  const clamp = (value) => Math.min(1, Math.max(0, Number(value) || 0));
  function draw() {
    const x = clamp(focalX.value) * 100;
    const y = clamp(focalY.value) * 100;
    vertical.setAttribute("x1", x);
    vertical.setAttribute("x2", x);
    horizontal.setAttribute("y1", y);
    horizontal.setAttribute("y2", y);
  }

  frame.addEventListener("click", (event) => {
    const picture = frame.querySelector("img");
    if (!picture) return;
    const box = picture.getBoundingClientRect();
    focalX.value = clamp((event.clientX - box.left) / box.width).toFixed(2);
    focalY.value = clamp((event.clientY - box.top) / box.height).toFixed(2);
    draw();
  });
  focalX.addEventListener("input", draw);
  focalY.addEventListener("input", draw);

  if (fileInput) {
    fileInput.addEventListener("change", () => {
      const file = fileInput.files[0];
      if (!file || !file.type.startsWith("image/")) return;
      let picture = frame.querySelector("img");
      if (!picture) {
        picture = document.createElement("img");
        picture.alt = "";
        frame.prepend(picture);
      }
      picture.removeAttribute("width");
      picture.removeAttribute("height");
      picture.src = URL.createObjectURL(file);
      // Crops of the previous picture would now mislead.
      picker.querySelector(".focal-picker__crops")?.replaceChildren();
    });
  }
  draw();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-focal-picker]").forEach(initFocalPicker);
});
