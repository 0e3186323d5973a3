// GOV.UK Frontend styles some components only when its JavaScript can run.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
