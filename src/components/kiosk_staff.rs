//! The staff exit of kiosk mode: a dialog that leaves kiosk mode, after the clinic's
//! `kiosk.exit_code` when it set one.

use yew::prelude::*;

use super::use_consult;
use crate::i18n::t;

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
    let wrong = use_state(|| false);
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
        let (typed, wrong) = (typed.clone(), wrong.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
            wrong.set(false);
        })
    };
    let onsubmit = {
        let (typed, wrong) = (typed.clone(), wrong.clone());
        let (code, on_exit) = (props.exit_code.clone(), props.on_exit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &code {
                Some(code) if code.as_str() != typed.trim() => wrong.set(true),
                _ => on_exit.emit(()),
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
                            aria-invalid={(*wrong).then_some("true")} />
                    </label>
                    if *wrong {
                        <p class="sc-error" role="alert">{ t(lang, "staff_code_wrong") }</p>
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
