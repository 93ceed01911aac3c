import { initAll } from '/js/govuk-frontend.min.js';

initAll();

// htmx sends the CSRF token that the layout puts in <meta name="_csrf"> with every request.
document.body.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Selects marked data-senda-autosubmit submit their form when changed (the button stays for no-JS users).
document.querySelectorAll('[data-senda-autosubmit]').forEach((select) => {
  select.addEventListener('change', () => select.form.submit());
});

// Radios that reveal more questions when one is chosen (the GOV.UK conditional reveal), marked
// data-senda-reveals with the id of the questions, which follow that radio: shown while it is checked. Neither
// aria-expanded (ARIA does not allow it on a radio) nor aria-controls (with it GOV.UK Frontend's radios set
// aria-expanded) is added.
document.querySelectorAll('input[type="radio"][data-senda-reveals]').forEach((input) => {
  const questions = document.getElementById(input.dataset.sendaReveals);
  if (!questions || !input.form) {
    return;
  }
  const sync = () => questions.classList.toggle('govuk-radios__conditional--hidden', !input.checked);
  input.form.querySelectorAll('input[type="radio"]').forEach((radio) => {
    if (radio.name === input.name) {
      radio.addEventListener('change', sync);
    }
  });
  sync();
});
