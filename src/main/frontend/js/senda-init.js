// Loaded as a classic script at the top of <body> (no inline script: the CSP forbids it).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
