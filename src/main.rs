//! Entry point of the browser build: mounts the consultation widget.

/// Talc instead of the standard allocator: about the same speed for the widget's many small
/// allocations, and less code in the bundle. The browser build runs on one thread, which is
/// what `TalckWasm` assumes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    skin_consult::start();
}
