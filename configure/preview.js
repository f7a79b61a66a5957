// The configurator's preview (configure.html): `preview.html`, which the build writes from
// index.html with this script first, so the widget itself is unchanged and its first visit
// carries nothing of the configurator. Only in a frame of a page of this site:
//
// - the draft the configurator keeps in sessionStorage becomes the page's inline
//   configuration, which the widget reads with its real reader;
// - the reader's problems, which the widget writes to the console as
//   "skin-consult configuration: <path>: <message>", are kept for the configurator
//   (window.skinConsultPreviewErrors, read through the same origin) instead of the console;
// - the widget gets a storage of its own that lives as long as the frame: a preview never
//   reads or changes a patient's saved progress on this device;
// - the screen the configurator asks for is opened with the widget's own formats: a share
//   link's fragment (a sample patient's results) put in the address before the widget reads
//   it, or a saved-progress record (at a question) put in the frame's storage.
//
// Opened any other way, the page is the widget with its defaults.
(function () {
  var parent = window.parent;
  try {
    if (parent === window || parent.location.origin !== window.location.origin) return;
  } catch (e) {
    return; // a frame of another site: its location cannot be read
  }
  var items = new Map();
  var memory = {
    getItem: function (key) {
      return items.has(String(key)) ? items.get(String(key)) : null;
    },
    setItem: function (key, value) {
      items.set(String(key), String(value));
    },
    removeItem: function (key) {
      items.delete(String(key));
    },
    clear: function () {
      items.clear();
    },
    key: function (i) {
      return Array.from(items.keys())[i] ?? null;
    },
    get length() {
      return items.size;
    },
  };
  var draft = '{}';
  var screen = {};
  try {
    draft = window.sessionStorage.getItem('skin-consult:preview-config') || '{}';
    screen = JSON.parse(window.sessionStorage.getItem('skin-consult:preview-screen') || '{}') || {};
    Object.defineProperty(window, 'localStorage', { configurable: true, value: memory });
  } catch (e) {
    return; // no storage to read the draft from: the plain widget
  }
  if (typeof screen.progress === 'string') items.set('skin-consult.progress', screen.progress);
  if (typeof screen.fragment === 'string' && screen.fragment.indexOf('#sc') === 0) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search + screen.fragment);
  }
  var config = document.createElement('script');
  config.type = 'application/json';
  config.id = 'skin-consult-config';
  config.textContent = draft;
  document.head.appendChild(config);

  var PREFIX = 'skin-consult configuration: ';
  var errors = [];
  window.skinConsultPreviewErrors = errors;
  ['warn', 'error'].forEach(function (level) {
    var original = console[level];
    console[level] = function (first) {
      if (typeof first === 'string' && first.indexOf(PREFIX) === 0) {
        var text = first.slice(PREFIX.length);
        var at = text.indexOf(': ');
        errors.push(at < 0 ? { path: '', message: text } : { path: text.slice(0, at), message: text.slice(at + 2) });
        return;
      }
      return original.apply(console, arguments);
    };
  });
})();
