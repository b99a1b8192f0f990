// Privacy-first embeds: the page ships a placeholder with the provider's name and a
// link; the provider's player is framed only after the reader clicks "Load".
// Without this script the link still works. The story page's policy allows frames
// from exactly the providers it embeds (frame-src), and nothing else.
(function () {
  "use strict";

  document.querySelectorAll("figure.embed[data-embed-player]").forEach(function (figure) {
    var button = figure.querySelector(".embed__load");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = figure.dataset.embedPlayer;
      frame.title = figure.dataset.embedTitle;
      frame.className = "embed__frame";
      frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
      figure.querySelector(".embed__placeholder").replaceWith(frame);
      figure.classList.add("embed--loaded");
      frame.focus();
    });
  });
})();
