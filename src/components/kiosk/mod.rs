//! Kiosk mode's components (a waiting-room tablet): "Are you still there?", then the wipe
//! ([`idle`]), and the staff exit, with `kiosk.exit_code` when the clinic set one ([`staff`]).
//! Its hooks are in [`crate::hooks::kiosk`] and [`crate::hooks::kiosk_controls`]; its pure
//! parts in [`crate::app::kiosk`].

pub mod idle;
pub mod staff;

pub use idle::IdleOverlay;
pub use staff::StaffExit;
