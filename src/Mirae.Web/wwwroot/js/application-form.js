// Shows a conditional section of the application form as soon as the answer it depends on is chosen.
// Without JavaScript the server shows the right sections after each save.
(function () {
  const form = document.getElementById('answers-form');
  if (!form) return;
  const update = () => {
    form.querySelectorAll('section[data-show-when-field]').forEach((section) => {
      const field = section.dataset.showWhenField;
      if (!field) return;
      const chosen = form.querySelector(`input[name="answers[${field}]"]:checked`);
      section.hidden = !chosen || chosen.value !== section.dataset.showWhenValue;
    });
  };
  form.addEventListener('change', update);
})();
