// The crash screen, in plain JavaScript so that it also appears when the WebAssembly module
// stops with a trap before any Rust code can react (the release build aborts on a panic
// without unwinding or running the panic hook). See src/crash.rs.

let state = null;

/** Remembers where and in which words to show the screen, and watches for traps. */
export function watch_for_traps(root, texts, href) {
  state = { root, texts, href };
  const onTrap = (error) => {
    if (error instanceof WebAssembly.RuntimeError) show_crash_screen(`${error}`);
  };
  addEventListener('error', (event) => onTrap(event.error));
  addEventListener('unhandledrejection', (event) => onTrap(event.reason));
}

/** Replaces the widget with the crash screen (once) and logs why to the console. */
export function show_crash_screen(why) {
  if (!state || state.root.querySelector('[data-outcome=crash]')) return;
  console.error(`skin-consult stopped: ${why}`);
  const { root, texts, href } = state;
  const lang = root.querySelector('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  const words = texts[lang] || texts.en;
  const element = (tag, className, text) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = text;
    return el;
  };
  const screen = element('section', 'sc-screen sc-crash', '');
  screen.setAttribute('role', 'alert');
  screen.setAttribute('data-outcome', 'crash');
  const restart = element('a', 'sc-button sc-primary', words.restart);
  restart.href = href;
  screen.append(element('h1', '', words.title), element('p', '', words.body), restart);
  const wrapper = element('div', 'sc-app', '');
  wrapper.lang = lang;
  wrapper.append(screen);
  root.replaceChildren(wrapper);
}
