// 商品の一括登録/修正: drop a file on the form to upload it; while a job is queued or
// running, the job table is fetched again every two seconds (a plain fetch of the same
// server-rendered table, no framework needed for one table).
(function () {
  "use strict";
  const zone = document.getElementById("dropzone");
  if (zone) {
    const input = document.getElementById(zone.dataset.dropTarget);
    ["dragenter", "dragover"].forEach((name) =>
      zone.addEventListener(name, (event) => {
        event.preventDefault();
        zone.classList.add("over");
      })
    );
    ["dragleave", "drop"].forEach((name) =>
      zone.addEventListener(name, () => zone.classList.remove("over"))
    );
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        zone.querySelector("p").textContent = input.files[0].name;
      }
    });
  }
  const jobs = document.getElementById("bulk-jobs");
  if (!jobs) return;
  const active = () => jobs.querySelector("table[data-active='true']") !== null;
  async function poll() {
    if (active()) {
      try {
        const response = await fetch(jobs.dataset.pollUrl, { credentials: "same-origin" });
        if (response.ok) jobs.innerHTML = await response.text();
      } catch (error) {
        // The next round tries again.
      }
    }
    setTimeout(poll, 2000);
  }
  setTimeout(poll, 2000);
})();
