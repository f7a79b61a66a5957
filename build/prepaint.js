// Shows the welcome screen painted into index.html (build/prepaint.mjs) before the app's code
// has arrived: in the language the app will choose, hidden when the app will open elsewhere.
// A tap on Start is kept (data-sc-start-tapped on the mount element) for the app to honour.
(function () {
  var script = document.currentScript;
  var mount = document.getElementById('skin-consult');
  if (!script || !mount) return;
  var painted = mount.querySelectorAll('[data-sc-prepaint]');
  function clear() {
    for (var i = 0; i < painted.length; i++) painted[i].remove();
  }
  // Saved progress or a share link: the app opens on another screen, so paint nothing.
  var stored = null;
  try {
    stored = window.localStorage.getItem('skin-consult.progress');
  } catch (e) {
    stored = null;
  }
  if (stored || /^#sc\d/.test(window.location.hash)) return clear();
  // The app's negotiation: the first preferred language whose primary subtag is offered,
  // else the first language offered.
  var offered = (script.getAttribute('data-sc-languages') || 'en').split(' ');
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  var lang = offered[0];
  for (var p = 0; p < preferred.length; p++) {
    var primary = String(preferred[p]).split(/[-_]/)[0].toLowerCase();
    if (offered.indexOf(primary) >= 0) {
      lang = primary;
      break;
    }
  }
  for (var i = 0; i < painted.length; i++) {
    if (painted[i].getAttribute('data-sc-prepaint') === lang) {
      painted[i].hidden = false;
      var start = painted[i].querySelector('[data-sc-prepaint-start]');
      if (start) {
        start.addEventListener('click', function (event) {
          mount.setAttribute('data-sc-start-tapped', '');
          event.currentTarget.setAttribute('aria-busy', 'true');
          event.currentTarget.disabled = true;
        });
      }
    } else {
      painted[i].remove();
    }
  }
})();
