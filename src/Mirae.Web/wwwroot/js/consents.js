// "전체 동의": checking it checks every consent, and unchecking any consent unchecks it. Without this script the
// server reads the box as every consent given.
(() => {
  const all = document.querySelector("[data-consent-all]");
  if (!all) return;
  const items = [...document.querySelectorAll('input[name="consents"]:not([data-consent-all])')];
  all.addEventListener("change", () => items.forEach(item => { item.checked = all.checked; }));
  items.forEach(item => item.addEventListener("change", () => { all.checked = items.every(i => i.checked); }));
})();
