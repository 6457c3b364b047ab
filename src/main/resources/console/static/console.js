// Herald's console works without this file; it only improves what htmx does when the server refuses a request.
// An htmx request answered 4xx (signed out, an expired form, a role too low) swaps nothing; send the same form
// the plain way instead, so the server's page with its one-line reason is shown. (A 4xx changed nothing, so
// sending it again is harmless; a 5xx is left alone.)
document.addEventListener('htmx:responseError', function (event) {
  var status = event.detail.xhr ? event.detail.xhr.status : 0;
  var elt = event.detail.elt;
  var form = elt && elt.closest ? elt.closest('form') : null;
  if (form && status >= 400 && status < 500) {
    HTMLFormElement.prototype.submit.call(form);
  }
});

// Compose: the label beside the time field names the zone picked for this post as soon as it is picked (the
// server reads the time in the submitted zone either way).
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.id === 'zone') {
    var shown = document.getElementById('zone-shown');
    if (shown) shown.textContent = target.value;
  }
});
