//! "Book a consultation": the clinic's booking page, phone, WhatsApp and e-mail. The prefilled
//! messages name only the treatments the patient kept in the plan, never health answers.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::query::encode_component;
use crate::config::clinic::Clinic;
use crate::hooks::use_consult;
use crate::i18n::{t, tf};

/// Properties of [`Booking`].
#[derive(Properties, PartialEq)]
pub struct BookingProps {
    /// The clinic to book with.
    pub clinic: Rc<Clinic>,
    /// Display language.
    pub lang: AttrValue,
    /// Names of the treatments the patient chose to mention.
    pub mention: Vec<String>,
}

/// The message a patient sends: the chosen treatments, and nothing else.
pub fn contact_text(lang: &str, mention: &[String]) -> String {
    if mention.is_empty() {
        t(lang, "contact_text_general")
    } else {
        tf(lang, "contact_text", &[("list", &mention.join(", "))])
    }
}

/// "Bring these results to … at {clinic}", or neutral wording when no clinic name is known.
fn book_lead(lang: &str, clinic: &Clinic) -> String {
    if clinic.is_neutral() {
        t(lang, "book_lead_neutral")
    } else {
        tf(lang, "book_lead", &[("clinic", &clinic.name)])
    }
}

/// The call to action at the end of the results.
#[component(Booking)]
pub fn booking(props: &BookingProps) -> Html {
    let lang = props.lang.as_str();
    let clinic = &props.clinic;
    // A kiosk tablet opens no links: the patient takes the results (and these contacts) to
    // their own phone through the QR code.
    if use_consult().kiosk.active {
        return html! {
            <section class="sc-booking" aria-labelledby="sc-booking-title" data-kiosk-booking="">
                <h2 id="sc-booking-title">{ t(lang, "book_title") }</h2>
                <p>{ book_lead(lang, clinic) }</p>
                <p class="sc-kiosk-handoff">{ t(lang, "kiosk_book_on_phone") }</p>
            </section>
        };
    }
    let message = encode_component(&contact_text(lang, &props.mention));
    let whatsapp = clinic.whatsapp.as_ref().map(|number| {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        format!("https://wa.me/{digits}?text={message}")
    });
    let mail = clinic.email.as_ref().map(|email| {
        format!(
            "mailto:{email}?subject={}&body={message}",
            encode_component(&t(lang, "email_subject"))
        )
    });
    html! {
        <section class="sc-booking" aria-labelledby="sc-booking-title">
            <h2 id="sc-booking-title">{ t(lang, "book_title") }</h2>
            <p>{ book_lead(lang, clinic) }</p>
            <div class="sc-actions">
                if let Some(url) = &clinic.booking_url {
                    <a class="sc-button sc-primary" href={url.clone()} target="_blank" rel="noopener noreferrer" data-booking="web">
                        { t(lang, "book_online") }
                    </a>
                }
                if let (Some(href), Some(phone)) = (clinic.tel_href(), &clinic.phone) {
                    <a class="sc-button sc-secondary" href={href} data-booking="phone">{ tf(lang, "call", &[("phone", phone)]) }</a>
                }
                if let Some(href) = whatsapp {
                    <a class="sc-button sc-secondary" href={href} target="_blank" rel="noopener noreferrer" data-booking="whatsapp">
                        { t(lang, "whatsapp") }
                    </a>
                }
                if let Some(href) = mail {
                    <a class="sc-button sc-secondary" href={href} data-booking="email">{ t(lang, "email") }</a>
                }
            </div>
        </section>
    }
}
