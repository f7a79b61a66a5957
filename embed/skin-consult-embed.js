// skin-consult host loader for the iframe embedding (no dependencies, no globals).
//
//   <iframe data-skin-consult src="/consult/index.html" title="Skin consultation"
//     style="width:100%;border:0"></iframe>
//   <script src="/consult/skin-consult-embed.js" defer></script>
//
// For every iframe marked `data-skin-consult` it
// - sets the frame's height from the widget's `height` messages (no inner scrollbar);
// - re-dispatches the widget's events (`consult:started`, `consult:completed`,
//   `consult:booking`) as bubbling DOM CustomEvents on the iframe element, so a host page
//   listens the same way in both embedding modes.
// A message counts only when it comes from that frame's window and from the origin of the
// frame's `src`; everything else is ignored.
(function () {
  'use strict';

  var EVENTS = ['consult:started', 'consult:completed', 'consult:booking'];

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-skin-consult]'));
  }

  function frameFor(event) {
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      var frame = all[i];
      if (frame.contentWindow !== event.source) continue;
      var origin = new URL(frame.src, document.baseURI).origin;
      return event.origin === origin ? frame : null;
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'skin-consult') return;
    var frame = frameFor(event);
    if (!frame) return;
    if (data.type === 'height' && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
      frame.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'event' && EVENTS.indexOf(data.name) !== -1) {
      frame.dispatchEvent(new CustomEvent(data.name, { bubbles: true, detail: data.detail }));
    }
  });
})();
