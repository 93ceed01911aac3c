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
