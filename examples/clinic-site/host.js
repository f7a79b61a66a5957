// The example clinic page's own script: lists the widget's events as they arrive. The same
// listeners work in both embedding modes: in the direct mode the widget dispatches the
// events on its mount element, in the iframe mode skin-consult-embed.js re-dispatches them
// on the iframe element; both bubble to `document`.
const log = document.getElementById('host-events');
for (const name of ['consult:started', 'consult:completed', 'consult:booking']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.dataset.event = name;
    item.textContent = JSON.stringify(event.detail);
    log.append(item);
  });
}
