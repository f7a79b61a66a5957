//! The staff exit of kiosk mode: a dialog that leaves kiosk mode, after the clinic's
//! `kiosk.exit_code` when it set one. After a few wrong codes in a row it refuses every code
//! for a while; the count is the reducer's [`KioskState`], so closing the dialog does not
//! reset it.

use yew::prelude::*;

use crate::app::kiosk::KioskState;
use crate::app::state::Action;
use crate::hooks::use_consult;
use crate::host::browser;
use crate::i18n::t;

/// What the dialog says under the code field.
#[derive(Clone, Copy, PartialEq)]
enum CodeError {
    None,
    Wrong,
    Locked,
}

/// What typing `typed` at `now_ms` gives when the clinic's code is `expected`, under `kiosk`.
fn check_code(kiosk: &KioskState, expected: &str, typed: &str, now_ms: f64) -> CodeError {
    if kiosk.locked_at(now_ms) {
        CodeError::Locked
    } else if expected == typed.trim() {
        CodeError::None
    } else if kiosk.after_wrong_code(now_ms).locked_at(now_ms) {
        CodeError::Locked
    } else {
        CodeError::Wrong
    }
}

/// Properties of [`StaffExit`].
#[derive(Properties, PartialEq)]
pub struct StaffExitProps {
    /// The code to type, if the clinic set one.
    pub exit_code: Option<AttrValue>,
    /// Leave kiosk mode.
    pub on_exit: Callback<()>,
    /// Close the dialog and stay in kiosk mode.
    pub on_cancel: Callback<()>,
}

/// The staff dialog reached by a long press on the clinic name.
#[component(StaffExit)]
pub fn staff_exit(props: &StaffExitProps) -> Html {
    let consult = use_consult();
    let lang = consult.lang.as_str();
    let typed = use_state(String::new);
    let error = use_state(|| CodeError::None);
    let input = use_node_ref();
    let cancel_button = use_node_ref();
    {
        let (input, cancel_button) = (input.clone(), cancel_button.clone());
        use_effect_with((), move |_| {
            let target = input
                .cast::<web_sys::HtmlElement>()
                .or_else(|| cancel_button.cast());
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }
    let oninput = {
        let (typed, error) = (typed.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
            if *error == CodeError::Wrong {
                error.set(CodeError::None);
            }
        })
    };
    let onsubmit = {
        let (typed, error, consult) = (typed.clone(), error.clone(), consult.clone());
        let (code, on_exit) = (props.exit_code.clone(), props.on_exit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let now = browser::now_ms();
            match code
                .as_deref()
                .map(|code| check_code(&consult.kiosk, code, &typed, now))
            {
                None | Some(CodeError::None) => on_exit.emit(()),
                Some(refused) => {
                    // Counted by the reducer (a code typed while locked changes nothing).
                    consult.dispatch(Action::StaffCodeRefused(now));
                    error.set(refused);
                }
            }
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="sc-kiosk-backdrop">
            <form class="sc-kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="sc-staff-title"
                onsubmit={onsubmit} data-staff-exit="">
                <h2 id="sc-staff-title">{ t(lang, "staff_title") }</h2>
                <p>{ t(lang, "staff_lead") }</p>
                if props.exit_code.is_some() {
                    <label class="sc-field">
                        <span>{ t(lang, "staff_code") }</span>
                        <input type="password" inputmode="numeric" autocomplete="off" ref={input}
                            value={(*typed).clone()} oninput={oninput}
                            aria-invalid={(*error != CodeError::None).then_some("true")} />
                    </label>
                    if *error == CodeError::Wrong {
                        <p class="sc-error" role="alert">{ t(lang, "staff_code_wrong") }</p>
                    }
                    if *error == CodeError::Locked {
                        <p class="sc-error" role="alert">{ t(lang, "staff_code_locked") }</p>
                    }
                }
                <div class="sc-actions">
                    <button type="submit" class="sc-button sc-danger">{ t(lang, "staff_leave") }</button>
                    <button type="button" class="sc-button sc-secondary" ref={cancel_button} onclick={cancel}>
                        { t(lang, "staff_cancel") }
                    </button>
                </div>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::kiosk::{LOCKOUT_MS, MAX_WRONG_CODES};

    #[test]
    fn wrong_codes_lock_the_exit_for_a_while_even_for_the_right_code() {
        let t0 = 1_000_000.0;
        let mut kiosk = KioskState::new(true);
        for _ in 1..MAX_WRONG_CODES {
            assert!(check_code(&kiosk, "2468", "1111", t0) == CodeError::Wrong);
            kiosk = kiosk.after_wrong_code(t0);
        }
        assert!(check_code(&kiosk, "2468", "1111", t0) == CodeError::Locked);
        kiosk = kiosk.after_wrong_code(t0);
        assert!(check_code(&kiosk, "2468", "2468", t0 + LOCKOUT_MS - 1.0) == CodeError::Locked);
        assert!(check_code(&kiosk, "2468", " 2468 ", t0 + LOCKOUT_MS) == CodeError::None);
    }
}
