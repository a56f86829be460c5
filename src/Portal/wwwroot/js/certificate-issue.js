// The bulk issue of a session's certificates: while the run is on, the page asks for its progress twice a second
// and moves the bar; when the run is over it reloads to show the certificates issued and any left out.
(() => {
  "use strict";
  const root = document.getElementById("bulk-issue");
  if (!root || root.dataset.running !== "true") return;
  const bar = document.getElementById("issue-progress");
  const text = document.getElementById("issue-progress-text");

  async function poll() {
    try {
      const response = await fetch(root.dataset.progress, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const progress = await response.json();
        bar.max = Math.max(progress.total, 1);
        bar.value = progress.done;
        text.textContent = root.dataset.of.replace("{0}", progress.done).replace("{1}", progress.total);
        if (!progress.running) {
          window.location.reload();
          return;
        }
      }
    } catch {
      // A lost connection: the next tick tries again.
    }
    setTimeout(poll, 500);
  }

  setTimeout(poll, 500);
})();
