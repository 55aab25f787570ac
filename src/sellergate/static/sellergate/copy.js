// "Copy" buttons: <button data-copy="ELEMENT_ID" data-copied="label after copying">.
// A file of its own, not an onclick attribute: the pages' Content-Security-Policy allows
// no inline script.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  navigator.clipboard.writeText(source.textContent).then(() => {
    button.textContent = button.dataset.copied;
  });
});
