//! Entry point of the browser build: mounts the consultation widget.

fn main() {
    skin_consult::start();
}
